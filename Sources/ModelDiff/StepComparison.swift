import HDF5Kit
import ModelFile
import ModelRuns

/// The two runs' training steps compared by their digests: the steps each records, and the
/// first step of those both record at which they part.
package struct StepComparison: Equatable, Sendable {
    /// Where the runs part.
    package struct Parting: Equatable, Sendable {
        /// The step in A's run: its epoch, place and image.
        package let position: StepPosition
        /// B's image at that step, when it is not A's.
        package let otherID: String?
        /// The parts that differ.
        package let parts: [String]
        /// What that suggests.
        package let explanation: String
    }

    /// The steps A records digests of; nil when it records none.
    package let stepsA: Int?
    /// The steps B records digests of; nil when it records none.
    package let stepsB: Int?
    /// Where the runs part, nil when they agree on every step both record.
    package let parting: Parting?

    /// The comparison of two files' step records, or nil when neither records digests.
    package init?(_ a: HDF5StoredFile, _ b: HDF5StoredFile) {
        let (first, second) = (StepRecord(a), StepRecord(b))
        guard first != nil || second != nil else { return nil }
        stepsA = first?.digests.count
        stepsB = second?.digests.count
        guard let first, let second, let divergence = StepDivergence(first.digests, second.digests),
              let position = StepPosition(step: divergence.step, options: first.configuration.training,
                                          split: first.split) else {
            parting = nil
            return
        }
        let other = StepPosition(step: divergence.step, options: second.configuration.training, split: second.split)
        parting = Parting(position: position, otherID: other?.id == position.id ? nil : other?.id,
                          parts: divergence.parts, explanation: divergence.explanation)
    }

    /// Whether both record digests and they agree on every step both record.
    package var agree: Bool { stepsA != nil && stepsB != nil && parting == nil }
}
