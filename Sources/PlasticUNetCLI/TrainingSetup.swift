import Checksums
import Foundation
import HDF5Kit
import ModelFile
import PlasticUNet
import TGSData
import Training

/// Where a training run starts: its configuration, its split of the data and its state.
struct TrainingSetup {
    let configuration: RunConfiguration
    let split: DataSplit
    let state: TrainingState

    /// The start that `command`'s options describe, for `data`.
    /// - Throws: ``TrainingError`` naming the option or the file that is wrong.
    static func resolve(_ command: TrainCommand, data: DataSet) throws -> TrainingSetup {
        if let resume = command.resume {
            return try resuming(resume, epochs: command.options.epochs, data: data)
        }
        var base = RunConfiguration(model: ModelConfiguration(size: data.size), training: TrainingOptions())
        if let path = command.configFrom {
            base = try ModelFileReader.read(URL(fileURLWithPath: path)).configuration
        }
        var parameters: ParameterSet?
        if let path = command.initial {
            // The bytes read once: the ones parsed are the ones the config's sha256 names.
            let bytes = try HDF5FileBytes(URL(fileURLWithPath: path))
            let initial = try ModelFileReader.read(bytes)
            let architecture = command.architecture.configuration(size: initial.configuration.model.size,
                                                                  over: initial.configuration.model)
            guard architecture == initial.configuration.model else {
                throw TrainingError("\(command.architecture.given.joined(separator: ", ")) differ from the "
                                         + "architecture of \(path), which --init takes")
            }
            let digest = SHA256.hash(bytes.bytes).hex
            if let recorded = base.training.initialModelSHA256, recorded != digest {
                throw TrainingError("\(path) is not the model file the run started from (its sha256 is "
                                         + "\(digest), the config records \(recorded))")
            }
            base.model = initial.configuration.model
            if command.configFrom == nil { base.training.seed = initial.configuration.training.seed }
            base.training.initialModelSHA256 = digest
            parameters = initial.parameters
        } else if let recorded = base.training.initialModelSHA256 {
            throw TrainingError("the run started from a model file with sha256 \(recorded): give it with --init")
        }
        let configuration = RunConfiguration(
            model: command.architecture.configuration(size: base.model.size, over: base.model),
            training: command.options.options(over: base.training))
        let start = parameters ?? ParameterSet.initialised(for: configuration.model, seed: configuration.training.seed)
        try check(configuration, data: data, parameters: start, from: command.initial ?? "a new model")
        return TrainingSetup(configuration: configuration,
                             split: configuration.split(of: data),
                             state: TrainingState.start(configuration: configuration.model, parameters: start))
    }

    /// The start of `--resume path`: the checkpoint's configuration, split and state.
    private static func resuming(_ path: String, epochs: Int?, data: DataSet) throws -> TrainingSetup {
        let contents = try ModelFileReader.read(URL(fileURLWithPath: path))
        guard let dataset = contents.dataset else {
            throw TrainingError("\(path) holds an untrained model: start from it with --init")
        }
        guard dataset.fingerprint == data.fingerprint else {
            throw TrainingError("the data is not the data \(path) was trained on (fingerprint \(data.fingerprint), "
                                     + "the file records \(dataset.fingerprint))")
        }
        var configuration = contents.configuration
        if let epochs {
            guard epochs >= Int(contents.progress.epoch) else {
                throw TrainingError("--epochs \(epochs) is less than the \(contents.progress.epoch) epochs "
                                         + "\(path) has completed")
            }
            configuration.training.epochs = epochs
        }
        try check(configuration, data: data, parameters: contents.parameters, from: path)
        return TrainingSetup(configuration: configuration,
                             split: dataset.split,
                             state: contents.trainingState)
    }

    /// Refuses an unusable configuration, data of another size than the model's, or
    /// starting parameters (from `source`) that hold a NaN or an infinity.
    private static func check(_ configuration: RunConfiguration, data: DataSet, parameters: ParameterSet,
                              from source: String) throws {
        if let problem = configuration.model.problem ?? configuration.training.problem {
            throw TrainingError(problem)
        }
        guard data.size == configuration.model.size else {
            throw TrainingError("the data's images are \(data.size) x \(data.size) but the model takes "
                                     + "\(configuration.model.size) x \(configuration.model.size)")
        }
        if let name = parameters.firstNonFiniteName {
            throw TrainingError("cannot train from \(source): \(name.modelFilePath) holds a NaN or an infinity")
        }
    }
}
