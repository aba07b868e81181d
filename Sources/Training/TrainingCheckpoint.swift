import TGSData

/// A training run at the end of an epoch (or where it stopped): enough to evaluate the
/// model and to continue the run exactly.
package struct TrainingCheckpoint: Equatable, Sendable {
    /// The run's options.
    package var configuration: RunConfiguration
    /// Where the run stands.
    package var state: TrainingState
    /// The fingerprint of the data the run trains on (``TGSData/DataSet/fingerprint``).
    package var dataFingerprint: String
    /// The side S of the data's images.
    package var dataSize: Int
    /// Which images train and which validate.
    package var split: DataSplit

    /// A checkpoint from its parts.
    package init(configuration: RunConfiguration, state: TrainingState, dataFingerprint: String, dataSize: Int,
                split: DataSplit) {
        self.configuration = configuration
        self.state = state
        self.dataFingerprint = dataFingerprint
        self.dataSize = dataSize
        self.split = split
    }
}

/// Where the trainer saves its checkpoints. The file layer implements it (a model file
/// rewritten atomically at every checkpoint), so that training itself knows no file
/// format.
package protocol CheckpointWriter {
    /// Saves `checkpoint`, replacing the previous one.
    /// - Throws: whatever keeps the checkpoint from being saved; the previous one must
    ///   then be left as it was.
    func write(_ checkpoint: TrainingCheckpoint) throws
}
