import PlasticUNet

/// One model variant of a sweep, named as the golden cases name them:
/// `RULE[-ALPHA][-first-row][-learn-eta]` (`none`, `hebb-free`, `oja-free-first-row`...).
package struct SweepVariant: Hashable, Sendable, CustomStringConvertible {
    /// The plasticity rule.
    package let rule: PlasticityRule
    /// Free or yoked alpha (free, and not named, for rule none).
    package let alpha: AlphaKind
    /// The rows that update the trace.
    package let traceRows: TraceRows
    /// Whether eta is learnt.
    package let learnEta: Bool

    /// The seven variants of the golden cases, the default of a sweep.
    package static let standard: [SweepVariant] = [
        "none", "hebb-free", "hebb-yoked", "oja-free", "oja-yoked", "oja-free-first-row", "oja-free-learn-eta",
    ].compactMap(SweepVariant.init(name:))

    /// The variant named `name`, or nil when the name does not follow the grammar (a
    /// plastic rule needs its alpha; rule none takes no suffix).
    package init?(name: String) {
        var rest = Substring(name)
        func take(_ suffix: String) -> Bool {
            guard rest.hasPrefix(suffix) else { return false }
            rest = rest.dropFirst(suffix.count)
            return true
        }
        guard let rule = PlasticityRule.allCases.first(where: { take($0.rawValue) }) else { return nil }
        if rule == .none {
            guard rest.isEmpty else { return nil }
            self.init(rule: .none, alpha: .free, traceRows: .all, learnEta: false)
            return
        }
        guard let alpha = AlphaKind.allCases.first(where: { take("-" + $0.rawValue) }) else { return nil }
        let firstRow = take("-first-row")
        let learnEta = take("-learn-eta")
        guard rest.isEmpty else { return nil }
        self.init(rule: rule, alpha: alpha, traceRows: firstRow ? .first : .all, learnEta: learnEta)
    }

    private init(rule: PlasticityRule, alpha: AlphaKind, traceRows: TraceRows, learnEta: Bool) {
        self.rule = rule
        self.alpha = alpha
        self.traceRows = traceRows
        self.learnEta = learnEta
    }

    /// The variant's name.
    package var description: String {
        guard rule != .none else { return "none" }
        return "\(rule.rawValue)-\(alpha.rawValue)" + (traceRows == .first ? "-first-row" : "")
            + (learnEta ? "-learn-eta" : "")
    }

    /// `base` with this variant's rule, alpha, trace rows and eta learning.
    package func configuration(over base: ModelConfiguration) -> ModelConfiguration {
        ModelConfiguration(rule: rule, alpha: alpha, width: base.width, size: base.size, traceRows: traceRows,
                           learnEta: learnEta)
    }
}
