import FileOutput
import Foundation
import HDF5Kit
import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import Scoring
import TGSData
import Training

/// Runs the runs of one sweep in this process: trains a run (or continues it from its
/// model file), evaluates the final model on its validation images in every trace mode,
/// and writes its result.
package struct SweepRunner {
    /// How one run went.
    package enum Outcome: Equatable, Sendable {
        /// Trained and evaluated now.
        case finished(SweepResult)
        /// Training failed; the result records why.
        case failed(SweepResult)
        /// The run had a result already: nothing was done.
        case alreadyDone(SweepResult.Status)
        /// Another process is running it (the message names that process).
        case heldElsewhere(String)
        /// Stopped on request before the end; the model file holds a checkpoint at this
        /// optimizer step.
        case stopped(step: Int64)
    }

    /// The mask threshold of a result's `score`: `evaluate`'s default.
    package static let maskThreshold = 0.5

    /// The sweep's folder.
    package let folder: URL
    /// Its plan.
    package let plan: SweepPlan
    /// The plan's data.
    package let data: DataSet
    /// The convolution kernels (the results do not depend on them).
    package let kernels: any ConvolutionKernels
    /// How a run's model file is read to continue it.
    package let reading: HDF5Reading

    /// A runner of the sweep in `folder`.
    /// - Throws: ``SweepError`` when `data` is not the data of the plan.
    package init(folder: URL, plan: SweepPlan, data: DataSet, kernels: any ConvolutionKernels,
                 reading: HDF5Reading) throws {
        guard data.fingerprint == plan.data.fingerprint else {
            throw SweepError.otherData(fingerprint: data.fingerprint, planned: plan.data.fingerprint)
        }
        self.folder = folder
        self.plan = plan
        self.data = data
        self.kernels = kernels
        self.reading = reading
    }

    /// Runs the run `index` to its end, unless it is done already, another process holds
    /// it, or `stopRequested` says so before a step (then its model file holds a
    /// checkpoint of that step, and running it again continues from there).
    /// - Throws: ``SweepError`` for an index outside the plan or a model file of another
    ///   run; the errors of reading, writing and evaluating model files.
    package func run(_ index: Int, stopRequested: () -> Bool = { false },
                    observer: (any TrainingObserver)? = nil) throws -> Outcome {
        guard plan.runs.indices.contains(index) else {
            throw SweepError.noRun(index: index, count: plan.runs.count)
        }
        let run = plan.runs[index]
        if let done = try SweepResult.read(of: run, in: folder) { return .alreadyDone(done.status) }
        let modelURL = run.modelURL(in: folder)
        try OutputFolder.make(modelURL.deletingLastPathComponent())
        let lock = try OutputLock.attempt(for: modelURL, holder: "plastic-unet sweep run --index \(index)")
        if case .busy(let error) = lock { return .heldElsewhere(error.description) }
        defer { withExtendedLifetime(lock) {} }
        // Another process may have finished the run between the first look and the lock.
        if let done = try SweepResult.read(of: run, in: folder) { return .alreadyDone(done.status) }
        let configuration = try plan.configuration(of: run)
        let start = try self.start(of: run, configuration: configuration, modelURL: modelURL)
        let trainer = try Trainer(configuration: configuration, data: data, split: start.split, kernels: kernels)
        let writer = ModelFileCheckpointWriter(url: modelURL, hashing: true)
        let final: TrainingState
        do {
            final = try trainer.train(from: start.state, stopRequested: stopRequested, observer: observer,
                                      checkpoints: writer)
        } catch let error as TrainingError {
            let result = SweepResult(failed: run, reason: error.description)
            try result.write(to: run.resultURL(in: folder))
            return .failed(result)
        }
        guard final.epoch == configuration.training.epochs, let sha256 = writer.lastSHA256 else {
            return .stopped(step: final.optimizer.step)
        }
        // The model just written, evaluated as it is in memory: the file holds the same
        // contents, and the writer hashed its bytes.
        let result = try evaluate(run, model: ModelFileContents(trainer.checkpoint(of: final)), sha256: sha256,
                                  name: modelURL.path)
        try result.write(to: run.resultURL(in: folder))
        return .finished(result)
    }

    /// Where the run starts: its model file's checkpoint when there is one, a new model
    /// otherwise.
    private func start(of run: SweepPlan.Run, configuration: RunConfiguration, modelURL: URL) throws -> RunStart {
        guard FileManager.default.fileExists(atPath: modelURL.path) else {
            return try RunStart.new(configuration, data: data)
        }
        let checkpoint = try ModelFileReader.read(modelURL, using: reading)
        guard checkpoint.contents.configuration == configuration, let dataset = checkpoint.contents.dataset,
              dataset.fingerprint == data.fingerprint else {
            throw SweepError.notACheckpoint(file: modelURL.path, run: run.name)
        }
        return try RunStart.resuming(checkpoint, data: data)
    }

    /// The final model's validation scores in every trace mode, at 0.5 and at the best
    /// threshold, as `evaluate --split val --trace MODE` reports them, with every validation
    /// image's.
    private func evaluate(_ run: SweepPlan.Run, model: ModelFileContents, sha256: String,
                          name: String) throws -> SweepResult {
        var scores: [TraceMode: SweepResult.Scores] = [:]
        var imageCount = 0
        for (mode, evaluation) in try Evaluator.evaluateInEveryTraceMode(model, identity: nil, data: data,
                                                                         threshold: Self.maskThreshold,
                                                                         kernels: kernels, modelName: name) {
            let report = evaluation.report
            guard let part = report.modelPart else { continue }
            scores[mode] = SweepResult.Scores(score: report.summary.score, bestScore: part.sweep.bestScore,
                                              bestThreshold: part.sweep.bestThreshold, loss: part.loss,
                                              images: report.images.map(Self.imageScore))
            imageCount = report.images.count
        }
        return SweepResult(finished: run, modelSHA256: sha256, validationImages: imageCount, evaluation: scores)
    }

    /// An image of a model's evaluation, which scores every image from probabilities (so
    /// with a loss and the sweep's passes).
    private static func imageScore(_ image: ImageResult) -> SweepImageScore {
        guard let loss = image.loss, let sweepPassed = image.sweepPassed else {
            preconditionFailure("a model evaluation scores every image from its probabilities")
        }
        return SweepImageScore(id: image.id, coverageClass: image.coverageClass, passed: image.passedThresholds,
                               sweepPassed: sweepPassed, loss: loss)
    }
}
