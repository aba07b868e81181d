import Kernels
import TGSData

/// The state of Adam and of the StepLR schedule (`/optimizer`).
package struct OptimizerRecord: Equatable, Sendable {
    /// The optimizer steps taken.
    package var step: Int64
    /// The base learning rate.
    package var learningRate: Double
    /// Adam's first-moment decay.
    package var beta1: Double
    /// Adam's second-moment decay.
    package var beta2: Double
    /// Adam's epsilon, added after the square root.
    package var epsilon: Double
    /// StepLR's factor.
    package var gamma: Double
    /// StepLR's period, in steps.
    package var stepSize: Int64
    /// The first moments, parallel to the parameter specs.
    package var firstMoments: [Tensor]
    /// The second moments, parallel to the parameter specs.
    package var secondMoments: [Tensor]
}

/// The state of the random streams (`/rng`).
package struct RandomRecord: Equatable, Sendable {
    /// The name of the generator of the named streams.
    package var algorithm: String
    /// The seed of every stream.
    package var seed: UInt64
    /// The position of each named stream that needs one to continue.
    package var counters: [String: Int64]

    /// The algorithm of `RandomStreams.RandomStream`: SplitMix64 outputs of a counter,
    /// keyed by seed, stream name and index.
    package static let streamAlgorithm = "splitmix64-named-streams"

    /// A random record from its parts.
    package init(algorithm: String, seed: UInt64, counters: [String: Int64]) {
        self.algorithm = algorithm
        self.seed = seed
        self.counters = counters
    }
}

/// How far training went (`/progress`).
package struct ProgressRecord: Equatable, Sendable {
    /// The completed epochs.
    package var epoch: Int64
    /// The samples done in the current epoch.
    package var sampleInEpoch: Int64

    /// A progress record from its parts.
    package init(epoch: Int64, sampleInEpoch: Int64) {
        self.epoch = epoch
        self.sampleInEpoch = sampleInEpoch
    }
}

/// The data set training used (`/dataset`).
package struct DatasetRecord: Equatable, Sendable {
    /// The sha256 (64 lowercase hex digits) over ids, image and mask bytes in id order.
    package var fingerprint: String
    /// The image size S.
    package var size: Int
    /// The training ids, in split order.
    package var trainIDs: [String]
    /// The validation ids, in split order.
    package var validationIDs: [String]

    /// A data set record from its parts.
    package init(fingerprint: String, size: Int, trainIDs: [String], validationIDs: [String]) {
        self.fingerprint = fingerprint
        self.size = size
        self.trainIDs = trainIDs
        self.validationIDs = validationIDs
    }

    /// The split that training used.
    package var split: DataSplit {
        DataSplit(trainIDs: trainIDs, validationIDs: validationIDs)
    }
}

/// The losses of a training output of the original PyTorch implementation
/// (`train_data.hdf5`), kept apart from this program's history (`/history/original`).
package struct OriginalHistoryRecord: Equatable, Sendable {
    /// One named series of numbers.
    package struct Series: Equatable, Sendable {
        /// The name it had in the original's file (under `validation/`).
        package let name: String
        /// The values.
        package let values: [Double]

        /// A series from its parts.
        package init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The sha256 of the original's file.
    package var sourceSHA256: String
    /// The loss of every training step (`train/all_losses`).
    package var trainLoss: [Double]
    /// The one-dimensional series under `validation/`, in the byte order of their names.
    package var validation: [Series]

    /// A record from its parts.
    package init(sourceSHA256: String, trainLoss: [Double], validation: [Series]) {
        self.sourceSHA256 = sourceSHA256
        self.trainLoss = trainLoss
        self.validation = validation
    }
}
