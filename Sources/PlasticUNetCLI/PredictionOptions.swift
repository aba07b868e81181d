import ArgumentParser
import Kernels
import PlasticUNet

/// The options of the commands that run a model on images: the trace mode, the mask
/// threshold and the threads.
package struct PredictionOptions: ParsableArguments {
    /// The help of `--trace`.
    static let traceHelp = """
        How the plastic trace behaves: stored (the trace saved at the end of training, frozen), zero (no \
        plastic term, as the original evaluated) or online (the trace keeps updating from image to image, in \
        id order).
        """
    /// The help of `--threshold`.
    static let thresholdHelp = "The mask threshold, in [0, 1]: a pixel is salt when its probability is above it."
    /// The help of `--threads`.
    static let threadsHelp = "Threads for the convolutions; the result does not depend on it. (default: the number of cores)"

    /// The trace mode.
    @Option(help: ArgumentHelp(traceHelp))
    package var trace: TraceMode = .stored

    /// The mask threshold.
    @Option(help: ArgumentHelp(thresholdHelp))
    package var threshold = 0.5

    /// The number of threads.
    @Option(help: ArgumentHelp(threadsHelp))
    package var threads: Int?

    /// Options as the parser fills them.
    package init() {}

    /// Refuses a threshold outside [0, 1] and fewer than one thread.
    package func validate() throws {
        try ThresholdRule.check(threshold)
        try ThreadCountRule.check(threads)
    }

    /// The fast kernels with the chosen number of threads.
    /// - Throws: ``CommandError/kernelPath(_:)`` (see `KernelPathRule`).
    func kernels() throws -> FastKernels {
        try Self.kernels(threads: threads)
    }

    /// The fast kernels with `threads` threads (default: one per core) on the path of
    /// `KernelPathRule`.
    /// - Throws: ``CommandError/kernelPath(_:)``.
    static func kernels(threads: Int?) throws -> FastKernels {
        FastKernels(threadCount: ThreadCountRule.resolve(threads), path: try KernelPathRule.resolve())
    }
}
