import ArgumentParser
import Benchmark
import FileOutput
import Foundation
import Kernels

/// `plastic-unet bench`: how fast training, inference and model files are on this machine.
package struct BenchCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training, inference and model files on this machine.",
        discussion: """
        On synthetic images of --size, with a new model of --width (rule oja, free alpha): the time of a \
        training step (the steps of one training run) and of one prediction (median, fastest and slowest \
        of --repeats runs after two that warm up), the throughput over --batch images predicted as \
        `predict` predicts them (four per thread and pass, together on each thread), the floating-point \
        rate of the convolutions, the slowest convolution calls of a step by layer shape and pass (with \
        more than one thread, each weight gradient is a side job beside the chain of input gradients, \
        mostly on one thread, so its rate is mostly one thread's), the time to save and to load the \
        model file, and the peak resident memory. It names the CPU and the kernels in use. Times depend \
        on the machine and its load; compare figures taken side by side in one run.

        The fma peak is the machine's limit for those kernels, measured first and again last (the higher \
        counts: other work on a shared machine can hold a core through one measurement): each of --threads threads \
        (one per core gives the machine's limit) runs independent chains of fused multiply-adds held in \
        registers, in the kernel path's own instructions (avx2: 12 chains of 8 floats; avx512: 16 of 16; \
        portable: 16 of 4, where on x86-64 each is a call to fmaf), all threads at once, in repetitions \
        of about 2 ms for 0.08 s; the fastest counts, a fused multiply-add as 2 operations. \
        Every GFLOP/s figure (training, inference, each layer) is also given as a percentage of it: how \
        far the convolutions are from what the cores can do.

        Every command uses the fastest kernel path this CPU has (avx512, avx2, then portable); the \
        environment variable PLASTIC_UNET_KERNELS=avx512|avx2|portable forces one, to compare them. \
        Every path gives the same bits.

        Exit codes: 0 measured; 2 bad options, a kernel path this CPU lacks, or a file that cannot be \
        written.
        """)

    /// The base width.
    @Option(help: "The base width n of the model (1...128).")
    package var width = 16

    /// The image side.
    @Option(help: "The side S of the images (16...1024).")
    package var size = 101

    /// The threads.
    @Option(help: ArgumentHelp(PredictionOptions.threadsHelp))
    package var threads: Int?

    /// The measured runs.
    @Option(help: "The measured runs of each operation.")
    package var repeats = 10

    /// The images of the throughput.
    @Option(help: "The images of the throughput measurement.")
    package var batch = 100

    /// The arithmetic of the measured model.
    @Option(help: ArgumentHelp("The arithmetic of the measured model's 3 x 3 convolutions: direct or winograd "
                                   + "(see `train --help`).", valueName: "arithmetic"))
    package var convolution: ConvolutionArithmetic = .direct

    /// The JSON file to write.
    @Option(help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "file"))
    package var json: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses values out of range.
    package func validate() throws {
        guard (1...128).contains(width) else { throw ValidationError("--width must be in 1...128, got \(width)") }
        guard (16...1024).contains(size) else { throw ValidationError("--size must be in 16...1024, got \(size)") }
        try ThreadCountRule.check(threads)
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1, got \(batch)") }
        if json?.isEmpty == true { throw ValidationError("--json must name a file") }
    }

    /// Measures and prints the figures.
    package func run() throws {
        if let json { try OutputFolder.requireParent(of: URL(fileURLWithPath: json)) }
        let report = try Benchmark.run(
            Benchmark.Options(width: width, size: size,
                              threads: ThreadCountRule.resolve(threads),
                              repeats: repeats, batchSize: batch, kernelPath: try KernelPathRule.resolve(),
                              convolution: convolution),
            scratch: FileManager.default.temporaryDirectory)
        if let json { try AtomicFile.write(BenchmarkText.json(of: report), to: URL(fileURLWithPath: json)) }
        print(BenchmarkText.text(of: report), terminator: "")
    }
}
