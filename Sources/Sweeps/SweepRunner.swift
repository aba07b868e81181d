import Evaluation
import FileOutput
import Foundation
import Kernels
import ModelFile
import PlasticUNet
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

    /// A runner of the sweep in `folder`.
    /// - Throws: ``SweepError`` when `data` is not the data of the plan.
    package init(folder: URL, plan: SweepPlan, data: DataSet, kernels: any ConvolutionKernels) throws {
        guard data.fingerprint == plan.data.fingerprint else {
            throw SweepError("the data (fingerprint \(data.fingerprint)) is not the data of the plan "
                             + "(\(plan.data.fingerprint)): it changed since the sweep was planned")
        }
        self.folder = folder
        self.plan = plan
        self.data = data
        self.kernels = kernels
    }

    /// Runs the run `index` to its end, unless it is done already, another process holds
    /// it, or `stopRequested` says so before a step (then its model file holds a
    /// checkpoint of that step, and running it again continues from there).
    /// - Throws: ``SweepError`` for an index outside the plan or a model file of another
    ///   run; the errors of reading, writing and evaluating model files.
    package func run(_ index: Int, stopRequested: () -> Bool = { false },
                    observer: (any TrainingObserver)? = nil) throws -> Outcome {
        guard plan.runs.indices.contains(index) else {
            throw SweepError("no run \(index): the plan has runs 0 to \(plan.runs.count - 1)")
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
        let (split, state) = try start(of: run, configuration: configuration, modelURL: modelURL)
        let trainer = try Trainer(configuration: configuration, data: data, split: split, kernels: kernels)
        let final: TrainingState
        do {
            final = try trainer.train(from: state, stopRequested: stopRequested, observer: observer,
                                      checkpoints: ModelFileCheckpointWriter(url: modelURL))
        } catch let error as TrainingError {
            let result = SweepResult(failed: run, reason: error.description)
            try result.write(to: run.resultURL(in: folder))
            return .failed(result)
        }
        guard final.epoch == configuration.training.epochs else { return .stopped(step: final.optimizer.step) }
        let result = try evaluate(run, modelURL: modelURL)
        try result.write(to: run.resultURL(in: folder))
        return .finished(result)
    }

    /// Where the run starts: its model file's checkpoint when there is one, a new model
    /// otherwise.
    private func start(of run: SweepPlan.Run, configuration: RunConfiguration,
                       modelURL: URL) throws -> (DataSplit, TrainingState) {
        guard FileManager.default.fileExists(atPath: modelURL.path) else {
            return (configuration.split(of: data), TrainingState.start(of: configuration))
        }
        let contents = try ModelFileReader.read(modelURL)
        guard contents.configuration == configuration, let dataset = contents.dataset,
              dataset.fingerprint == data.fingerprint else {
            throw SweepError("\(modelURL.path) is not a checkpoint of run \(run.index) (\(run.variant), seed "
                             + "\(run.seed)) on the plan's data: remove it to start the run afresh")
        }
        return (dataset.split, contents.trainingState)
    }

    /// The final model's validation scores in every trace mode, at 0.5 and at the best
    /// threshold: what `evaluate --split val --trace MODE` reports.
    private func evaluate(_ run: SweepPlan.Run, modelURL: URL) throws -> SweepResult {
        let model = try LoadedModel.load(modelURL)
        var scores: [TraceMode: SweepResult.Scores] = [:]
        var imageCount = 0
        for mode in TraceMode.allCases {
            let report = try Evaluator.evaluate(model, data: data, split: .val, traceMode: mode,
                                                threshold: Self.maskThreshold, kernels: kernels,
                                                modelName: modelURL.path).report
            guard let part = report.modelPart else { continue }
            scores[mode] = SweepResult.Scores(score: report.summary.score, bestScore: part.sweep.bestScore,
                                              bestThreshold: part.sweep.bestThreshold, loss: part.loss)
            imageCount = report.images.count
        }
        return SweepResult(finished: run, modelSHA256: model.identity.sha256, validationImages: imageCount,
                           evaluation: scores)
    }
}
