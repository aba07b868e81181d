import Foundation
import TGSData
import Training

extension ModelFileContents {
    /// The model file of a training checkpoint.
    package init(_ checkpoint: TrainingCheckpoint) {
        let state = checkpoint.state, training = checkpoint.configuration.training
        let optimizer = OptimizerRecord(step: state.optimizer.step, learningRate: training.learningRate,
                                        beta1: state.optimizer.beta1, beta2: state.optimizer.beta2,
                                        epsilon: state.optimizer.epsilon, gamma: training.gamma,
                                        stepSize: Int64(training.stepSize), firstMoments: state.optimizer.firstMoments,
                                        secondMoments: state.optimizer.secondMoments)
        // The streams are keyed: the next shuffle is keyed by the next epoch, the next
        // dropout draw by the next optimizer step.
        let random = RandomRecord(algorithm: RandomRecord.streamAlgorithm, seed: training.seed,
                                  counters: ["shuffle_epoch": Int64(state.epoch), "dropout_step": state.optimizer.step])
        self.init(configuration: checkpoint.configuration, parameters: state.parameters, trace: state.trace,
                  optimizer: optimizer, random: random,
                  progress: ProgressRecord(epoch: Int64(state.epoch), sampleInEpoch: Int64(state.sampleInEpoch)),
                  history: state.history,
                  dataset: DatasetRecord(fingerprint: checkpoint.dataFingerprint, size: checkpoint.dataSize,
                                         trainIDs: checkpoint.split.trainIDs,
                                         validationIDs: checkpoint.split.validationIDs))
    }

    /// The training state the file holds, to continue its training.
    package var trainingState: TrainingState {
        let adam = Adam(parameters: parameters, beta1: optimizer.beta1, beta2: optimizer.beta2,
                        epsilon: optimizer.epsilon, step: optimizer.step, firstMoments: optimizer.firstMoments,
                        secondMoments: optimizer.secondMoments)
        return TrainingState(parameters: parameters, optimizer: adam, trace: trace, epoch: Int(progress.epoch),
                             sampleInEpoch: Int(progress.sampleInEpoch), history: history)
    }
}

/// Saves a training run's checkpoints as one model file, rewritten atomically at every
/// checkpoint (``ModelFileWriter``).
package final class ModelFileCheckpointWriter: CheckpointWriter {
    /// The model file.
    package let url: URL
    /// Whether each file written is hashed (``lastSHA256``).
    private let hashing: Bool
    /// With hashing, the SHA-256 of the last file written, so that the caller knows it
    /// without reading the file again.
    package private(set) var lastSHA256: String?

    /// A writer of the model file at `url`, hashing each file it writes when `hashing`.
    package init(url: URL, hashing: Bool = false) {
        self.url = url
        self.hashing = hashing
    }

    /// Writes `checkpoint` as the model file.
    /// - Throws: the errors of ``ModelFileWriter/write(_:to:threads:hashing:)``; the file is
    ///   then left as it was.
    package func write(_ checkpoint: TrainingCheckpoint) throws {
        lastSHA256 = try ModelFileWriter.write(ModelFileContents(checkpoint), to: url, hashing: hashing)
    }
}
