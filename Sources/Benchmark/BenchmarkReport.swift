/// What `plastic-unet bench` measured on this machine.
public struct BenchmarkReport: Sendable {
    /// Repeated measurements of one operation, in seconds.
    public struct Timing: Sendable {
        /// Every measurement, in the order taken.
        public let samples: [Double]

        /// The median.
        public var median: Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        /// The fastest measurement.
        public var minimum: Double { samples.min() ?? .nan }
        /// The slowest measurement.
        public var maximum: Double { samples.max() ?? .nan }
    }

    /// The time of one kind of convolution call per training step.
    public struct Layer: Sendable {
        /// `forward`, `input gradient` or `weight gradient`.
        public let pass: String
        /// For example `conv3x3 16->32 at 50x50`.
        public let layer: String
        /// Calls per step.
        public let calls: Double
        /// Seconds per step.
        public let seconds: Double
        /// Floating-point operations per second.
        public let operationsPerSecond: Double
    }

    /// The CPU (`/proc/cpuinfo`'s model name) and its vector extensions.
    public let cpu: String
    /// The cores the system offers.
    public let cores: Int
    /// The kernels in use.
    public let kernelPath: String
    /// The base width n.
    public let width: Int
    /// The image side S.
    public let size: Int
    /// The plasticity rule of the measured model.
    public let rule: String
    /// Its kind of alpha.
    public let alpha: String
    /// The threads of the convolutions.
    public let threads: Int
    /// One training step (forward, loss, backward, trace update, Adam).
    public let trainingStep: Timing
    /// The prediction of one image (stored trace).
    public let inference: Timing
    /// The prediction of a batch of images, as `predict` makes it.
    public let batch: Timing
    /// The images of a batch.
    public let batchSize: Int
    /// The images that one pass of the network predicts together (stored trace).
    public let imagesPerPass: Int
    /// The convolutions' floating-point operations of one training step.
    public let stepOperations: Double
    /// The convolutions' floating-point operations of one prediction.
    public let inferenceOperations: Double
    /// The convolution calls of a training step, the slowest first.
    public let layers: [Layer]
    /// Writing the model file (with the optimizer's state).
    public let save: Timing
    /// Reading it back.
    public let load: Timing
    /// The model file's size.
    public let modelFileBytes: Int
    /// The process's peak resident memory.
    public let peakResidentBytes: Int

    /// Images per second over the batch.
    public var throughput: Double { Double(batchSize) / batch.median }
}
