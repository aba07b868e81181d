
/// Where one training step stands.
public struct StepProgress: Sendable {
    /// The epoch being trained (0 for the first).
    public let epoch: Int
    /// The total number of epochs of the run.
    public let epochs: Int
    /// Samples trained so far in this epoch, this step included.
    public let sampleInEpoch: Int
    /// Samples in an epoch.
    public let samplesPerEpoch: Int
    /// This step's loss.
    public let loss: Double
}

/// Receives the trainer's progress, for example to draw a progress bar.
public protocol TrainingObserver: AnyObject {
    /// Called after every optimizer step.
    func trainingStepFinished(_ progress: StepProgress)
    /// Called after every epoch, once its checkpoint is written.
    func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord)
}
