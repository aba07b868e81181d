import ModelFile
import PlasticUNet
import TGSData
import Training

/// Where a training run starts: its configuration, its split of the data and its state.
/// The one place that works out a start, from scratch, from another model's parameters
/// (`--init`), from a recorded recipe (`--config-from`) or from a checkpoint (`--resume`),
/// for `train`, `regress` and `sweep` alike.
package struct RunStart: Sendable {
    /// The run's configuration.
    package let configuration: RunConfiguration
    /// Its split of the data.
    package let split: DataSplit
    /// The state before its next step.
    package var state: TrainingState

    /// The configuration a new run builds on, before the options given for it: the config
    /// `recipe` records (`--config-from`), else the defaults for images of side `size`;
    /// started from `initial` (`--init`), with that model's architecture, its seed (unless
    /// the recipe gives one) and its file's sha256. The convolution arithmetic is not the
    /// parameters' but the run's: the recipe's when there is one, else `initial`'s.
    /// - Throws: ``ModelRunError`` when the recipe started from another model file than
    ///   `initial`.
    package static func base(recipe: StoredModel?, initial: StoredModel?, size: Int) throws -> RunConfiguration {
        var base = recipe?.contents.configuration
            ?? RunConfiguration(model: ModelConfiguration(size: size), training: TrainingOptions())
        guard let initial else { return base }
        let digest = initial.identity.sha256
        if let recorded = base.training.initialModelSHA256, recorded != digest {
            throw ModelRunError.otherInitialModel(model: initial.name, sha256: digest, recorded: recorded)
        }
        let convolution = recipe?.contents.configuration.model.convolution
        base.model = initial.contents.configuration.model
        if let convolution { base.model.convolution = convolution }
        if recipe == nil { base.training.seed = initial.contents.configuration.training.seed }
        base.training.initialModelSHA256 = digest
        return base
    }

    /// A new run of `configuration` on `data`, from the parameters of `initial` or, without
    /// it, from new ones drawn from the configuration's seed.
    /// - Throws: ``ModelRunError`` when the configuration records a model file to start
    ///   from and `initial` is not given or is another file, the configuration is not usable,
    ///   the data's images are not the model's size, or the starting parameters hold a NaN or
    ///   an infinity.
    package static func new(_ configuration: RunConfiguration, data: DataSet, initial: StoredModel? = nil) throws -> RunStart {
        if let recorded = configuration.training.initialModelSHA256 {
            guard let initial else { throw ModelRunError.missingInitialModel(recorded: recorded) }
            guard initial.identity.sha256 == recorded else {
                throw ModelRunError.otherInitialModel(model: initial.name, sha256: initial.identity.sha256,
                                                      recorded: recorded)
            }
        }
        let parameters = initial?.contents.parameters
            ?? ParameterSet.initialised(for: configuration.model, seed: configuration.training.seed)
        try check(configuration, data: data, parameters: parameters, from: initial?.name ?? "a new model")
        return RunStart(configuration: configuration, split: configuration.split(of: data),
                        state: TrainingState.start(configuration: configuration.model, parameters: parameters))
    }

    /// The run that the checkpoint `checkpoint` holds, continued on `data` up to `epochs`
    /// (default: the epochs it records).
    /// - Throws: ``ModelRunError`` when the file holds an untrained model, `data` is not
    ///   the data it was trained on, `epochs` is fewer than it has completed, or it is not
    ///   usable.
    package static func resuming(_ checkpoint: StoredModel, epochs: Int? = nil, data: DataSet) throws -> RunStart {
        let contents = checkpoint.contents
        guard let dataset = contents.dataset else { throw ModelRunError.notACheckpoint(model: checkpoint.name) }
        guard dataset.fingerprint == data.fingerprint else {
            throw ModelRunError.otherData(model: checkpoint.name, fingerprint: data.fingerprint,
                                          recorded: dataset.fingerprint, hint: "")
        }
        var configuration = contents.configuration
        if let epochs {
            guard epochs >= Int(contents.progress.epoch) else {
                throw ModelRunError.fewerEpochs(asked: epochs, completed: contents.progress.epoch, model: checkpoint.name)
            }
            configuration.training.epochs = epochs
        }
        try check(configuration, data: data, parameters: contents.parameters, from: checkpoint.name)
        return RunStart(configuration: configuration, split: dataset.split, state: contents.trainingState)
    }

    /// Refuses an unusable configuration, data of another size than the model's, more folds
    /// than images, or starting parameters (from `source`) that hold a NaN or an infinity.
    private static func check(_ configuration: RunConfiguration, data: DataSet, parameters: ParameterSet,
                              from source: String) throws {
        if let problem = configuration.model.problem ?? configuration.training.problem {
            throw ModelRunError.unusableConfiguration(problem)
        }
        guard data.size == configuration.model.size else {
            throw ModelRunError.dataSize(data: data.size, model: "the model", size: configuration.model.size)
        }
        if let folds = configuration.training.folds, folds > data.samples.count {
            throw ModelRunError.moreFoldsThanImages(folds: folds, images: data.samples.count)
        }
        if let name = parameters.firstNonFiniteName {
            throw ModelRunError.nonFinite(model: source, path: name.modelFilePath, purpose: .training)
        }
    }
}
