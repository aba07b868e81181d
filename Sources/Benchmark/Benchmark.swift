import Dispatch
import Foundation
import HDF5Kit
import Kernels
import ModelFile
import PlasticUNet
import Scoring
import TGSData
import Training

/// Measures training, inference and model files on this machine.
package enum Benchmark {
    /// What to measure.
    package struct Options: Sendable {
        /// The base width n.
        package var width: Int
        /// The image side S.
        package var size: Int
        /// The threads of the convolutions and of the model file's chunks.
        package var threads: Int
        /// The measurements of each operation (after two that warm up).
        package var repeats: Int
        /// The images of the throughput measurement.
        package var batchSize: Int
        /// The instruction set of the kernels.
        package var kernelPath: KernelPath
        /// The arithmetic of the model's 3 x 3 convolutions.
        package var convolution: ConvolutionArithmetic

        /// Options from their parts.
        package init(width: Int, size: Int, threads: Int, repeats: Int, batchSize: Int, kernelPath: KernelPath,
                     convolution: ConvolutionArithmetic = .direct) {
            self.width = width
            self.size = size
            self.threads = threads
            self.repeats = repeats
            self.batchSize = batchSize
            self.kernelPath = kernelPath
            self.convolution = convolution
        }
    }

    /// The runs that warm up before each measurement.
    static let warmUp = 2

    /// Runs every measurement.
    /// - Parameter scratch: a folder for the model file of the save and load measurement.
    /// - Throws: the errors of training and of model files.
    package static func run(_ options: Options, scratch: URL) throws -> BenchmarkReport {
        let fastKernels = FastKernels(threadCount: options.threads, path: options.kernelPath)
        // The machine's limit on this path and these threads, which every rate is measured
        // against: measured before and after the rest, the higher counts (on a shared
        // machine, other work can hold a core through one short measurement).
        let peakBefore = FMAPeak.measure(path: options.kernelPath, threads: options.threads)
        let kernels = TimedKernels(fastKernels)
        let data = SyntheticSeismic(size: options.size, seed: 1).dataSet(count: max(options.batchSize, 8))
        let configuration = RunConfiguration(model: ModelConfiguration(width: options.width, size: options.size,
                                                                                    convolution: options.convolution),
                                             training: TrainingOptions(epochs: 1_000_000, validationFraction: 0))
        let trainer = try Trainer(configuration: configuration, data: data,
                                  split: DataSplit(trainIDs: data.samples.map(\.id), validationIDs: []),
                                  kernels: kernels)
        // One run of training, as `train` makes it; its first steps warm up.
        let clock = StepClock(warmUp: warmUp) { _ = kernels.takeEntries() }
        let state = try trainer.train(
            from: TrainingState.start(configuration: configuration.model,
                                      parameters: ParameterSet.initialised(for: configuration.model, seed: 1)),
            maxSteps: warmUp + options.repeats, observer: clock, checkpoints: NoCheckpoints())
        let step = BenchmarkReport.Timing(samples: clock.samples)
        let entries = kernels.takeEntries()
        let predictor = Predictor(network: PlasticNetwork(configuration: configuration.model, kernels: kernels),
                                  parameters: state.parameters, storedTrace: state.trace)
        let images = data.samples.prefix(options.batchSize).map { (id: $0.id, image: $0.image) }
        let inference = try measure(options.repeats) { _ = predictor.predict([images[0]], traceMode: .stored) }
            beforeMeasuring: { _ = kernels.takeEntries() }
        let inferenceOperations = kernels.takeEntries().reduce(0) { $0 + $1.operations } / Double(options.repeats)
        let batch = try measure(3) { _ = predictor.predict(images, traceMode: .stored) }
        let file = scratch.appendingPathComponent("bench-\(UUID().uuidString).h5")
        defer { try? FileManager.default.removeItem(at: file) }
        let contents = ModelFileContents(trainer.checkpoint(of: state))
        let save = try measure(3) { try ModelFileWriter.write(contents, to: file, threads: options.threads) }
        let load = try measure(3) { _ = try ModelFileReader.read(file, using: .direct, threads: options.threads) }
        let digest = DigestCost.measure(state, sample: data.samples[0], rounds: warmUp + 4 * options.repeats,
                                        threads: options.threads)
        let digestPass = try measure(options.repeats) {
            _ = StepDigest.state(parameters: state.parameters, trace: state.trace, optimizer: state.optimizer)
        }
        let steps = Double(options.repeats)
        let peak = max(peakBefore, FMAPeak.measure(path: options.kernelPath, threads: options.threads))
        return BenchmarkReport(
            cpu: MachineDescription.cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
            kernelPath: fastKernels.path.description, width: options.width, size: options.size,
            rule: configuration.model.rule.rawValue, alpha: configuration.model.alpha.rawValue,
            convolution: configuration.model.convolution.rawValue, threads: options.threads,
            peakOperationsPerSecond: peak * 1e9, peakShape: FMAPeak.shape(of: options.kernelPath),
            trainingStep: step, digest: digest, digestPass: digestPass, inference: inference, batch: batch, batchSize: images.count,
            imagesPerPass: min(PredictionStream.imagesPerThread * options.threads, images.count),
            stepOperations: entries.reduce(0) { $0 + $1.operations } / steps, inferenceOperations: inferenceOperations,
            layers: entries.map { BenchmarkReport.Layer(pass: $0.pass, layer: $0.layer, calls: Double($0.calls) / steps,
                                                        seconds: $0.seconds / steps,
                                                        operationsPerSecond: $0.operations / $0.seconds) }
                .sorted { $0.seconds > $1.seconds },
            save: save, load: load,
            modelFileBytes: (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0,
            peakResidentBytes: MachineDescription.peakResidentBytes)
    }

    /// Runs `body` ``warmUp`` times, calls `beforeMeasuring`, then times `count` runs.
    private static func measure(_ count: Int, _ body: () throws -> Void,
                                beforeMeasuring: () -> Void = {}) throws -> BenchmarkReport.Timing {
        for _ in 0..<warmUp { try body() }
        beforeMeasuring()
        var samples: [Double] = []
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return BenchmarkReport.Timing(samples: samples)
    }
}

/// The time of each step of a training run after the first `warmUp`; `warmedUp` runs
/// between the last of those and the first timed one.
private final class StepClock: TrainingObserver {
    private let warmUp: Int
    private let warmedUp: () -> Void
    private var steps = 0
    private var lastFinished = DispatchTime.now().uptimeNanoseconds
    /// The timed steps' seconds.
    private(set) var samples: [Double] = []

    init(warmUp: Int, warmedUp: @escaping () -> Void) {
        self.warmUp = warmUp
        self.warmedUp = warmedUp
    }

    func trainingStepFinished(_ progress: StepProgress) {
        steps += 1
        let now = DispatchTime.now().uptimeNanoseconds
        if steps > warmUp { samples.append(Double(now - lastFinished) / 1e9) }
        if steps == warmUp { warmedUp() }
        lastFinished = DispatchTime.now().uptimeNanoseconds
    }

    func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord) {}
}

/// A checkpoint writer that keeps nothing: the benchmark's steps are not saved.
private struct NoCheckpoints: CheckpointWriter {
    func write(_ checkpoint: TrainingCheckpoint) throws {}
}
