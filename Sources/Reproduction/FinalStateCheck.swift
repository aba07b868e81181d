import ModelFile
import Training

/// Takes the checkpoints a replay writes at the step where the file's run stopped, and
/// compares each with the file's contents: the file must be one of them (a run that stopped
/// at the end of an epoch writes that epoch's checkpoint and, when it stops there before the
/// next epoch's first step, one more with the next epoch's fresh trace).
final class FinalStateCheck: CheckpointWriter {
    private let expected: ModelFileContents
    private let step: Int64
    /// Whether a checkpoint equal to the file's contents was written.
    private(set) var matched = false
    /// The file's objects that differ from the last checkpoint written at the step, when
    /// none matched.
    private(set) var differingPaths: [String] = []

    /// A check of the checkpoints at optimizer step `step` against `expected`.
    init(expected: ModelFileContents, step: Int64) {
        self.expected = expected
        self.step = step
    }

    func write(_ checkpoint: TrainingCheckpoint) throws {
        guard checkpoint.state.optimizer.step == step, !matched else { return }
        var replayed = ModelFileContents(checkpoint)
        // A file without step digests is compared without them.
        if expected.history.stepDigests == nil { replayed.history.stepDigests = nil }
        differingPaths = try expected.differingPaths(from: replayed)
        matched = differingPaths.isEmpty
    }
}
