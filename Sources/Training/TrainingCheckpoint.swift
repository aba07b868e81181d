import Kernels
import ModelFile
import PlasticUNet
import TGSData

/// The conversion between a training run's state and its model file.
public enum TrainingCheckpoint {
    /// The model file of `state`: everything needed to evaluate the model and to continue
    /// its training exactly.
    public static func contents(of state: TrainingState, configuration: RunConfiguration, data: DataSet,
                                split: DataSplit) -> ModelFileContents {
        let training = configuration.training
        let optimizer = OptimizerRecord(step: state.optimizer.step, learningRate: training.learningRate,
                                        beta1: state.optimizer.beta1, beta2: state.optimizer.beta2,
                                        epsilon: state.optimizer.epsilon, gamma: training.gamma,
                                        stepSize: Int64(training.stepSize), firstMoments: state.optimizer.firstMoments,
                                        secondMoments: state.optimizer.secondMoments)
        // The streams are keyed: the next shuffle is keyed by the next epoch, the next
        // dropout draw by the next optimizer step.
        let random = RandomRecord(algorithm: RandomRecord.streamAlgorithm, seed: training.seed,
                                  counters: ["shuffle_epoch": Int64(state.epoch), "dropout_step": state.optimizer.step])
        return ModelFileContents(
            configuration: configuration, parameters: state.parameters,
            trace: state.trace,
            optimizer: optimizer, random: random,
            progress: ProgressRecord(epoch: Int64(state.epoch), sampleInEpoch: Int64(state.sampleInEpoch)),
            history: state.history,
            dataset: DatasetRecord(fingerprint: data.fingerprint, size: data.size, trainIDs: split.trainIDs,
                                   validationIDs: split.validationIDs))
    }

    /// The state a model file holds, to continue its training.
    public static func state(of contents: ModelFileContents) -> TrainingState {
        let optimizer = Adam(parameters: contents.parameters, beta1: contents.optimizer.beta1,
                             beta2: contents.optimizer.beta2, epsilon: contents.optimizer.epsilon,
                             step: contents.optimizer.step, firstMoments: contents.optimizer.firstMoments,
                             secondMoments: contents.optimizer.secondMoments)
        return TrainingState(
            parameters: contents.parameters, optimizer: optimizer,
            trace: contents.trace,
            epoch: Int(contents.progress.epoch), sampleInEpoch: Int(contents.progress.sampleInEpoch),
            history: contents.history)
    }
}
