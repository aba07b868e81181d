import PlasticUNet
import RandomStreams
import TGSData

/// The options of training that change its result (docs/MODEL.md §4).
package struct TrainingOptions: Codable, Equatable, Sendable {
    /// The seed of every random stream.
    package var seed: UInt64
    /// The total number of epochs.
    package var epochs: Int
    /// Adam's base learning rate.
    package var learningRate: Double
    /// StepLR's factor.
    package var gamma: Double
    /// StepLR's period, in optimizer steps.
    package var stepSize: Int
    /// The dropout probability p (the first pooling stage uses p / 2).
    package var dropout: Double
    /// The fraction of each coverage class that goes to validation (not used with folds).
    package var validationFraction: Double
    /// The number K of folds the images are partitioned into, or nil for the split by
    /// ``validationFraction``.
    package var folds: Int?
    /// The fold (1...K) held out for validation, with ``folds``.
    package var fold: Int?
    /// Whether each epoch visits the training images in a shuffled order.
    package var shuffle: Bool
    /// The trace mode of the validation after each epoch.
    package var evaluationTrace: TraceMode
    /// The sha256 of the model file training started from (`--init`), or nil.
    package var initialModelSHA256: String?

    /// Options with docs/MODEL.md's defaults.
    package init(seed: UInt64 = 1, epochs: Int = 12, learningRate: Double = 3e-4, gamma: Double = 0.666,
                stepSize: Int = 100_000, dropout: Double = 0.5, validationFraction: Double = 0.2,
                shuffle: Bool = true, evaluationTrace: TraceMode = .stored, initialModelSHA256: String? = nil,
                folds: Int? = nil, fold: Int? = nil) {
        self.seed = seed
        self.epochs = epochs
        self.learningRate = learningRate
        self.gamma = gamma
        self.stepSize = stepSize
        self.dropout = dropout
        self.validationFraction = validationFraction
        self.shuffle = shuffle
        self.evaluationTrace = evaluationTrace
        self.initialModelSHA256 = initialModelSHA256
        self.folds = folds
        self.fold = fold
    }

    /// A description of the first problem with these options, or nil when they are usable.
    package var problem: String? {
        if epochs < 0 { return "epochs must not be negative, got \(epochs)" }
        if !(learningRate > 0 && learningRate.isFinite) { return "lr must be a positive number, got \(learningRate)" }
        if !(gamma > 0 && gamma.isFinite) { return "gamma must be a positive number, got \(gamma)" }
        if stepSize < 1 { return "step-size must be at least 1, got \(stepSize)" }
        if !(dropout >= 0 && dropout < 1) { return "dropout must be in [0, 1), got \(dropout)" }
        if !(validationFraction >= 0 && validationFraction < 1) {
            return "val-fraction must be in [0, 1), got \(validationFraction)"
        }
        return foldsProblem
    }

    /// A description of what is wrong with ``folds`` and ``fold``, or nil.
    private var foldsProblem: String? {
        switch (folds, fold) {
        case (nil, nil): return nil
        case (nil, .some): return "fold needs folds"
        case (.some(let folds), _) where folds < 2: return "folds must be at least 2, got \(folds)"
        case (.some, nil): return "folds needs fold, the fold held out for validation"
        case (.some(let folds), .some(let fold)) where !(1...folds).contains(fold):
            return "fold must be in 1...\(folds), got \(fold)"
        default: return nil
        }
    }

    /// The training images of `epoch` (from 0) in the order a run visits them: `trainIDs`
    /// (the split's order), shuffled by the stream `shuffle` of the seed, keyed by the epoch,
    /// unless shuffling is off.
    package func order(ofEpoch epoch: Int, trainIDs: [String]) -> [String] {
        var order = trainIDs
        if shuffle {
            var stream = RandomStream(seed: seed, name: "shuffle", index: UInt64(epoch))
            stream.shuffle(&order)
        }
        return order
    }

    /// The keys of its coded form, every one this version knows.
    package static let codingKeyNames = Set(CodingKeys.allCases.map(\.stringValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, epochs, gamma, dropout, shuffle
        case learningRate = "lr"
        case stepSize = "step_size"
        case validationFraction = "val_fraction"
        case evaluationTrace = "eval_trace"
        case initialModelSHA256 = "init_sha256"
        case folds, fold
    }
}

/// Every option of a run, of the architecture and of training: what repeats the run
/// exactly. Model files record it as one flat JSON object (the coding keys of both
/// halves, side by side).
package struct RunConfiguration: Equatable, Sendable {
    /// The architecture.
    package var model: ModelConfiguration
    /// The training options.
    package var training: TrainingOptions

    /// A configuration from its two halves.
    package init(model: ModelConfiguration, training: TrainingOptions) {
        self.model = model
        self.training = training
    }

    /// The split of `data` that a new run of this configuration trains on, stratified by
    /// coverage class and drawn from its seed: its fold of the partition into folds when it
    /// has folds, else the split by its validation fraction.
    /// - Precondition: the training options are usable (``TrainingOptions/problem``) and
    ///   there are no more folds than images.
    package func split(of data: DataSet) -> DataSplit {
        if let folds = training.folds, let fold = training.fold {
            return DataSplit.fold(fold, of: folds, data, seed: training.seed)
        }
        return DataSplit.stratified(data, validationFraction: training.validationFraction, seed: training.seed)
    }
}
