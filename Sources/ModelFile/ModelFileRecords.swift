import Kernels
import TGSData

/// The state of Adam and of the StepLR schedule (`/optimizer`).
public struct OptimizerRecord: Equatable, Sendable {
    /// The optimizer steps taken.
    public var step: Int64
    /// The base learning rate.
    public var learningRate: Double
    /// Adam's first-moment decay.
    public var beta1: Double
    /// Adam's second-moment decay.
    public var beta2: Double
    /// Adam's epsilon, added after the square root.
    public var epsilon: Double
    /// StepLR's factor.
    public var gamma: Double
    /// StepLR's period, in steps.
    public var stepSize: Int64
    /// The first moments, parallel to the parameter specs.
    public var firstMoments: [Tensor]
    /// The second moments, parallel to the parameter specs.
    public var secondMoments: [Tensor]

    /// An optimizer record from its parts.
    public init(step: Int64, learningRate: Double, beta1: Double, beta2: Double, epsilon: Double, gamma: Double,
                stepSize: Int64, firstMoments: [Tensor], secondMoments: [Tensor]) {
        self.step = step
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.gamma = gamma
        self.stepSize = stepSize
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}

/// The state of the random streams (`/rng`).
public struct RandomRecord: Equatable, Sendable {
    /// The name of the generator of the named streams.
    public var algorithm: String
    /// The seed of every stream.
    public var seed: UInt64
    /// The position of each named stream that needs one to continue.
    public var counters: [String: Int64]

    /// The algorithm of `RandomStreams.RandomStream`: SplitMix64 outputs of a counter,
    /// keyed by seed, stream name and index.
    public static let streamAlgorithm = "splitmix64-named-streams"

    /// A random record from its parts.
    public init(algorithm: String, seed: UInt64, counters: [String: Int64]) {
        self.algorithm = algorithm
        self.seed = seed
        self.counters = counters
    }
}

/// How far training went (`/progress`).
public struct ProgressRecord: Equatable, Sendable {
    /// The completed epochs.
    public var epoch: Int64
    /// The samples done in the current epoch.
    public var sampleInEpoch: Int64

    /// A progress record from its parts.
    public init(epoch: Int64, sampleInEpoch: Int64) {
        self.epoch = epoch
        self.sampleInEpoch = sampleInEpoch
    }
}

/// The data set training used (`/dataset`).
public struct DatasetRecord: Equatable, Sendable {
    /// The sha256 (64 lowercase hex digits) over ids, image and mask bytes in id order.
    public var fingerprint: String
    /// The image size S.
    public var size: Int
    /// The training ids, in split order.
    public var trainIDs: [String]
    /// The validation ids, in split order.
    public var validationIDs: [String]

    /// A data set record from its parts.
    public init(fingerprint: String, size: Int, trainIDs: [String], validationIDs: [String]) {
        self.fingerprint = fingerprint
        self.size = size
        self.trainIDs = trainIDs
        self.validationIDs = validationIDs
    }

    /// The split that training used.
    public var split: DataSplit {
        DataSplit(trainIDs: trainIDs, validationIDs: validationIDs)
    }
}

/// The losses of a training output of the original PyTorch implementation
/// (`train_data.hdf5`), kept apart from this program's history (`/history/original`).
public struct OriginalHistoryRecord: Equatable, Sendable {
    /// One named series of numbers.
    public struct Series: Equatable, Sendable {
        /// The name it had in the original's file (under `validation/`).
        public let name: String
        /// The values.
        public let values: [Double]

        /// A series from its parts.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The sha256 of the original's file.
    public var sourceSHA256: String
    /// The loss of every training step (`train/all_losses`).
    public var trainLoss: [Double]
    /// The one-dimensional series under `validation/`, in the byte order of their names.
    public var validation: [Series]

    /// A record from its parts.
    public init(sourceSHA256: String, trainLoss: [Double], validation: [Series]) {
        self.sourceSHA256 = sourceSHA256
        self.trainLoss = trainLoss
        self.validation = validation
    }
}
