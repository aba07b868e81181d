import ModelRuns

/// The section of `diff`'s text that compares the runs' steps by their digests.
enum StepComparisonText {
    /// `steps (step digests: A records 20, B 20)`, or the section's one line when there is
    /// nothing to list.
    static func title(of steps: StepComparison) -> String {
        switch (steps.stepsA, steps.stepsB) {
        case let (a?, b?) where steps.parting == nil:
            "steps: the runs agree on every step they share (\(min(a, b)); A records \(a), B \(b))"
        case let (a?, b?):
            "steps (step digests: A records \(a), B \(b))"
        case let (a?, nil):
            "steps: only A records step digests (\(a) steps)"
        case let (nil, b?):
            "steps: only B records step digests (\(b) steps)"
        case (nil, nil):
            "steps: neither file records step digests"
        }
    }

    /// Where the runs part, and what that suggests.
    static func rows(of steps: StepComparison) -> [String] {
        guard let parting = steps.parting else { return [] }
        let before = parting.position.step - 1
        let agreement = before == 0 ? "the runs part at their first step" : "the runs agree through step \(before)"
        let otherImage = parting.otherID.map { " (B's image: \($0))" } ?? ""
        return ["\(agreement); at \(parting.position.description)\(otherImage) "
                    + StepDivergence.differingClause(parting.parts),
                parting.explanation]
    }
}
