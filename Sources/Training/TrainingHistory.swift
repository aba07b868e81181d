/// The summary of one completed epoch.
public struct EpochRecord: Equatable, Sendable {
    /// The mean training loss of the epoch.
    public var trainLoss: Double
    /// The validation loss.
    public var validationLoss: Double
    /// The validation score.
    public var validationScore: Double
    /// The learning rate of the epoch's last step.
    public var learningRate: Double

    /// An epoch record from its parts.
    public init(trainLoss: Double, validationLoss: Double, validationScore: Double, learningRate: Double) {
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.validationScore = validationScore
        self.learningRate = learningRate
    }
}

/// The losses and scores of a run so far.
public struct HistoryRecord: Equatable, Sendable {
    /// The loss of every training step.
    public var trainLoss: [Float]
    /// One record per completed epoch.
    public var epochs: [EpochRecord]

    /// A history from its parts.
    public init(trainLoss: [Float], epochs: [EpochRecord]) {
        self.trainLoss = trainLoss
        self.epochs = epochs
    }
}
