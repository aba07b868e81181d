/// What `plastic-unet bench` measured on this machine.
package struct BenchmarkReport: Sendable {
    /// Repeated measurements of one operation, in seconds.
    package struct Timing: Sendable {
        /// Every measurement, in the order taken.
        package let samples: [Double]

        /// The median.
        package var median: Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        /// The fastest measurement.
        package var minimum: Double { samples.min() ?? .nan }
        /// The slowest measurement.
        package var maximum: Double { samples.max() ?? .nan }
    }

    /// The time of one kind of convolution call per training step.
    package struct Layer: Sendable {
        /// `forward`, `input gradient` or `weight gradient`.
        package let pass: String
        /// For example `conv3x3 16->32 at 50x50`.
        package let layer: String
        /// Calls per step.
        package let calls: Double
        /// Seconds per step.
        package let seconds: Double
        /// Floating-point operations per second.
        package let operationsPerSecond: Double
    }

    /// The CPU (`/proc/cpuinfo`'s model name) and its vector extensions.
    package let cpu: String
    /// The cores the system offers.
    package let cores: Int
    /// The kernels in use.
    package let kernelPath: String
    /// The base width n.
    package let width: Int
    /// The image side S.
    package let size: Int
    /// The plasticity rule of the measured model.
    package let rule: String
    /// Its kind of alpha.
    package let alpha: String
    /// The arithmetic of its 3 x 3 convolutions.
    package let convolution: String
    /// The threads of the convolutions.
    package let threads: Int
    /// The machine's limit on the kernels' path with ``threads`` threads (``FMAPeak``):
    /// floating-point operations per second of independent fused multiply-add chains.
    package let peakOperationsPerSecond: Double
    /// The chains of the peak's loop on each thread and the floats of each.
    package let peakShape: (chains: Int, lanes: Int)
    /// One training step (forward, loss, backward, trace update, Adam, step digests).
    package let trainingStep: Timing
    /// What the step digests add to a training step (``DigestCost``).
    package let digest: Timing
    /// The digests of the state a step leaves (parameters, trace, Adam's moments), hashed
    /// in a pass of their own rather than within Adam's.
    package let digestPass: Timing
    /// The prediction of one image (stored trace).
    package let inference: Timing
    /// The prediction of a batch of images, as `predict` makes it.
    package let batch: Timing
    /// The images of a batch.
    package let batchSize: Int
    /// The images that one pass of the network predicts together (stored trace).
    package let imagesPerPass: Int
    /// The convolutions' floating-point operations of one training step.
    package let stepOperations: Double
    /// The convolutions' floating-point operations of one prediction.
    package let inferenceOperations: Double
    /// The convolution calls of a training step, the slowest first.
    package let layers: [Layer]
    /// Writing the model file (with the optimizer's state).
    package let save: Timing
    /// Reading it back.
    package let load: Timing
    /// The model file's size.
    package let modelFileBytes: Int
    /// The process's peak resident memory.
    package let peakResidentBytes: Int

    /// Images per second over the batch.
    package var throughput: Double { Double(batchSize) / batch.median }

    /// The convolutions' floating-point operations per second in a training step (median).
    package var stepOperationsPerSecond: Double { stepOperations / trainingStep.median }

    /// The convolutions' floating-point operations per second in a prediction (median).
    package var inferenceOperationsPerSecond: Double { inferenceOperations / inference.median }

    /// `operationsPerSecond` as a percentage of ``peakOperationsPerSecond``.
    package func percentOfPeak(_ operationsPerSecond: Double) -> Double {
        100 * operationsPerSecond / peakOperationsPerSecond
    }
}
