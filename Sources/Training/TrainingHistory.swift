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
    /// The digests of every training step, parallel to ``trainLoss``; nil for a run whose
    /// earlier steps recorded none (a file of an older version), which records none either.
    package var stepDigests: [StepDigest]?

    /// A history from its parts.
    package init(trainLoss: [Float], epochs: [EpochRecord], stepDigests: [StepDigest]?) {
        self.trainLoss = trainLoss
        self.epochs = epochs
        self.stepDigests = stepDigests
    }

    /// A history without step digests of its steps: one that records them from its first
    /// step when it has none yet, and none otherwise (its rows would not cover every step).
    package init(trainLoss: [Float], epochs: [EpochRecord]) {
        self.init(trainLoss: trainLoss, epochs: epochs, stepDigests: trainLoss.isEmpty ? [] : nil)
    }
}
