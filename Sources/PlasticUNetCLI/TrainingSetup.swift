import ModelFile
import ModelRuns
import TGSData
import Training

/// Where `train`'s run starts, from its options: a checkpoint (`--resume`), or a new run
/// from the defaults or a recorded recipe (`--config-from`), from new parameters or
/// another model's (`--init`), with the options given over them.
enum TrainingSetup {
    /// The start that `command`'s options describe, for `data`; each model file it names
    /// is read once.
    /// - Throws: ``ModelRuns/ModelRunError`` naming the option or the file that is wrong;
    ///   the errors of reading a model file.
    static func resolve(_ command: TrainCommand, data: DataSet) throws -> RunStart {
        let files = ModelFiles()
        if let resume = command.resume {
            return try RunStart.resuming(files.model(resume), epochs: command.options.epochs, data: data)
        }
        let recipe = try command.configFrom.map(files.model), initial = try command.initial.map(files.model)
        let base = try RunStart.base(recipe: recipe, initial: initial, size: data.size)
        let configuration = RunConfiguration(
            model: command.architecture.configuration(size: base.model.size, over: base.model),
            training: command.options.options(over: base.training))
        if let initial {
            // The arithmetic is the run's, not the parameters': --convolution may differ from initial's.
            var architecture = initial.contents.configuration.model
            architecture.convolution = configuration.model.convolution
            if configuration.model != architecture {
                throw ModelRunError.architectureDiffers(options: command.architecture.given.filter { $0 != "--convolution" },
                                                        model: initial.name)
            }
        }
        return try RunStart.new(configuration, data: data, initial: initial)
    }
}
