
/// Where one training step stands.
package struct StepProgress: Sendable {
    /// The optimizer steps taken, this one included.
    package let step: Int64
    /// The image of the step.
    package let id: String
    /// The step's digests, when the run records them.
    package let digest: StepDigest?
    /// The epoch being trained (0 for the first).
    package let epoch: Int
    /// The total number of epochs of the run.
    package let epochs: Int
    /// Samples trained so far in this epoch, this step included.
    package let sampleInEpoch: Int
    /// Samples in an epoch.
    package let samplesPerEpoch: Int
    /// This step's loss.
    package let loss: Double
}

/// Receives the trainer's progress, for example to draw a progress bar.
package protocol TrainingObserver: AnyObject {
    /// Called after every optimizer step.
    func trainingStepFinished(_ progress: StepProgress)
    /// Called after every epoch, once its checkpoint is written.
    func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord)
}
