import Training

/// Where two runs' step digests part: the first step, of those both record, at which they
/// differ, and in which parts; and what that suggests.
package struct StepDivergence: Equatable, Sendable {
    /// The step, from 1.
    package let step: Int
    /// The parts that differ there, in the order of ``Training/StepDigest/partNames``.
    package let parts: [String]

    /// The first step of the shared prefix at which `a` and `b` differ, or nil when they
    /// agree on every step they share.
    package init?(_ a: [StepDigest], _ b: [StepDigest]) {
        guard let index = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
            return nil
        }
        self.init(step: index + 1, a[index], b[index])
    }

    /// The divergence at step `step` (from 1) of two runs whose digests there are `a` and
    /// `b`, or nil when they agree.
    package init?(step: Int, _ a: StepDigest, _ b: StepDigest) {
        guard a != b else { return nil }
        self.step = step
        parts = a.differingParts(from: b)
    }

    /// What the differing parts suggest, in a sentence.
    package var explanation: String {
        if parts.contains("inputs") {
            return "the inputs of the step differ: the data, the split or the random streams are not the same"
        }
        if parts.contains("parameters") {
            return "the inputs agree but the parameters do not: the arithmetic differs"
        }
        let updates = parts.map { $0 == "trace" ? "the trace update" : "Adam's moments" }
        return "the inputs and the parameters agree but the \(Self.listed(parts)) "
            + (parts.count == 1 ? "does" : "do") + " not: the arithmetic of \(updates.joined(separator: " and ")) differs"
    }

    /// The parts that differ as a clause: `the inputs differ`, `the trace differs`.
    package static func differingClause(_ parts: [String]) -> String {
        let plural = parts.count > 1 || ["inputs", "parameters"].contains(parts.first ?? "")
        return "the " + listed(parts) + (plural ? " differ" : " differs")
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func listed(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
