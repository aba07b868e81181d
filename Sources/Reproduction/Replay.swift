import Kernels
import ModelFile
import ModelRuns
import TGSData
import Training

/// Replays the training that a model file records, from its config, seed, split and data
/// (and, for a run started with `--init`, its initial model), step by step, and compares
/// each step and the final state with the file.
package struct Replay {
    /// The model file.
    package let model: StoredModel
    /// The data it was trained on.
    package let data: DataSet
    /// The kernels of the replay (the result does not depend on them).
    package let kernels: FastKernels
    /// Where the recorded run started.
    private let start: RunStart

    /// A replay of `model` on `data`, from the model file `initial` for a run started with
    /// `--init`; everything that could keep it from running is checked here.
    /// - Throws: ``ReproductionError`` when the file records no training step;
    ///   ``ModelRuns/ModelRunError`` when `data` is not the data the file records, or the
    ///   run started from a model file that `initial` is not.
    package init(model: StoredModel, data: DataSet, initial: StoredModel?, kernels: FastKernels) throws {
        guard let dataset = model.contents.dataset, !model.contents.history.trainLoss.isEmpty else {
            throw ReproductionError.noSteps(model: model.name)
        }
        guard dataset.fingerprint == data.fingerprint else {
            throw ModelRunError.otherData(model: model.name, fingerprint: data.fingerprint,
                                          recorded: dataset.fingerprint, hint: ": give --data with that data")
        }
        self.model = model
        self.data = data
        self.kernels = kernels
        start = try RunStart.new(model.contents.configuration, data: data, initial: initial)
    }

    /// The file and how it will be checked.
    package var subject: ReproductionReport.Subject {
        let history = model.contents.history
        return ReproductionReport.Subject(
            modelSHA256: model.identity.sha256, seal: model.source.bytes.seal, generator: model.identity.generator,
            stepsRecorded: history.trainLoss.count, epochsCompleted: model.contents.progress.epoch,
            comparison: StepWatcher.comparison(of: history), kernelPath: kernels.path.rawValue,
            threads: kernels.threadCount)
    }

    /// Replays the first `steps` steps (default: every step the file records), stopping at
    /// the first that differs; with every step replayed, compares the final state.
    /// - Parameter progress: told of every step and epoch of the replay.
    /// - Throws: the errors of training and of the final comparison.
    package func run(steps: Int? = nil, progress: (any TrainingObserver)? = nil) throws -> ReproductionReport {
        let contents = model.contents
        let recorded = contents.history.trainLoss.count
        let checked = min(steps ?? recorded, recorded)
        let trainer = try Trainer(configuration: contents.configuration, data: data, split: start.split,
                                  kernels: kernels)
        let watcher = StepWatcher(history: contents.history, options: contents.configuration.training,
                                  split: contents.dataset?.split ?? start.split, progress: progress)
        let final = FinalStateCheck(expected: contents, step: Int64(recorded))
        do {
            _ = try trainer.train(from: start.state, maxSteps: checked, stopRequested: { watcher.parting != nil },
                                  observer: watcher, checkpoints: final)
        } catch let error as TrainingError {
            watcher.fail("the replay stopped: \(error)")
        }
        let outcome: ReproductionReport.Outcome
        if let parting = watcher.parting {
            outcome = .parted(parting.position, parts: parting.parts, explanation: parting.explanation)
        } else if checked < recorded {
            outcome = .agreedSoFar
        } else {
            outcome = final.matched ? .reproduced : .finalStateDiffers(final.differingPaths)
        }
        return ReproductionReport(subject: subject, stepsChecked: watcher.steps, outcome: outcome)
    }
}
