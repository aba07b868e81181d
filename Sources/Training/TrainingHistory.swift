/// The summary of one completed epoch.
package struct EpochRecord: Equatable, Sendable {
    /// The mean training loss of the epoch.
    package var trainLoss: Double
    /// The validation loss.
    package var validationLoss: Double
    /// The validation score.
    package var validationScore: Double
    /// The learning rate of the epoch's last step.
    package var learningRate: Double

    /// An epoch record from its parts.
    package init(trainLoss: Double, validationLoss: Double, validationScore: Double, learningRate: Double) {
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.validationScore = validationScore
        self.learningRate = learningRate
    }
}

/// The losses and scores of a run so far.
package struct HistoryRecord: Equatable, Sendable {
    /// The loss of every training step.
    package var trainLoss: [Float]
    /// One record per completed epoch.
    package var epochs: [EpochRecord]

    /// A history from its parts.
    package init(trainLoss: [Float], epochs: [EpochRecord]) {
        self.trainLoss = trainLoss
        self.epochs = epochs
    }
}
