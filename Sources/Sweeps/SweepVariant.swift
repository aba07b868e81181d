import Kernels
import PlasticUNet

/// One model variant of a sweep, named as the golden cases name them:
/// `RULE[-ALPHA][-first-row][-learn-eta][-winograd]` (`none`, `hebb-free`,
/// `oja-free-first-row`, `oja-free-winograd`...).
package struct SweepVariant: Hashable, Sendable, CustomStringConvertible {
    /// The plasticity rule.
    package let rule: PlasticityRule
    /// Free or yoked alpha (free, and not named, for rule none).
    package let alpha: AlphaKind
    /// The rows that update the trace.
    package let traceRows: TraceRows
    /// Whether eta is learnt.
    package let learnEta: Bool
    /// The arithmetic of the 3 x 3 convolutions (direct, and not named, unless `-winograd`).
    package let convolution: ConvolutionArithmetic

    /// The grammar of the names, for help texts and messages.
    package static let grammar = "RULE[-ALPHA][-first-row][-learn-eta][-winograd]"

    /// The seven variants of the golden cases, the default of a sweep.
    package static let standard: [SweepVariant] = [
        "none", "hebb-free", "hebb-yoked", "oja-free", "oja-yoked", "oja-free-first-row", "oja-free-learn-eta",
    ].compactMap(SweepVariant.init(name:))

    /// The variant named `name`, or nil when the name does not follow the grammar (a
    /// plastic rule needs its alpha; rule none takes no suffix but `-winograd`).
    package init?(name: String) {
        var rest = Substring(name)
        func take(_ suffix: String) -> Bool {
            guard rest.hasPrefix(suffix) else { return false }
            rest = rest.dropFirst(suffix.count)
            return true
        }
        guard let rule = PlasticityRule.allCases.first(where: { take($0.rawValue) }) else { return nil }
        var alpha = AlphaKind.free, firstRow = false, learnEta = false
        if rule != .none {
            guard let named = AlphaKind.allCases.first(where: { take("-" + $0.rawValue) }) else { return nil }
            alpha = named
            firstRow = take("-first-row")
            learnEta = take("-learn-eta")
        }
        let winograd = take("-" + ConvolutionArithmetic.winograd.rawValue)
        guard rest.isEmpty else { return nil }
        self.init(rule: rule, alpha: alpha, traceRows: firstRow ? .first : .all, learnEta: learnEta,
                  convolution: winograd ? .winograd : .direct)
    }

    private init(rule: PlasticityRule, alpha: AlphaKind, traceRows: TraceRows, learnEta: Bool,
                 convolution: ConvolutionArithmetic) {
        self.rule = rule
        self.alpha = alpha
        self.traceRows = traceRows
        self.learnEta = learnEta
        self.convolution = convolution
    }

    /// The variant's name.
    package var description: String {
        let model = rule == .none ? "none"
            : "\(rule.rawValue)-\(alpha.rawValue)" + (traceRows == .first ? "-first-row" : "")
                + (learnEta ? "-learn-eta" : "")
        return model + (convolution == .direct ? "" : "-\(convolution.rawValue)")
    }

    /// This variant computing its convolutions with `arithmetic`.
    package func computing(with arithmetic: ConvolutionArithmetic) -> SweepVariant {
        SweepVariant(rule: rule, alpha: alpha, traceRows: traceRows, learnEta: learnEta, convolution: arithmetic)
    }

    /// `base` with this variant's rule, alpha, trace rows, eta learning and convolution
    /// arithmetic.
    package func configuration(over base: ModelConfiguration) -> ModelConfiguration {
        ModelConfiguration(rule: rule, alpha: alpha, width: base.width, size: base.size, traceRows: traceRows,
                           learnEta: learnEta, convolution: convolution)
    }

    /// The baseline of a report on a sweep of `variants` (names) when none is given:
    /// `hebb-free`, or `hebb-free-winograd` in a sweep that has it and not `hebb-free`.
    package static func defaultBaseline(among variants: [String]) -> String {
        let direct = "hebb-free", winograd = "hebb-free-winograd"
        return !variants.contains(direct) && variants.contains(winograd) ? winograd : direct
    }
}
