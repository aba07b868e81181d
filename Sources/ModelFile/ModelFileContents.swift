import Kernels
import PlasticUNet
import Training

/// Everything a model file holds: enough to evaluate the model, to resume its training
/// exactly, and to know where it came from.
package struct ModelFileContents: Equatable, Sendable {
    /// The architecture and training options (the root's `config` attribute).
    package var configuration: RunConfiguration
    /// The trainable tensors (`/parameters/...`, `/plastic/w|alpha|eta`).
    package var parameters: ParameterSet
    /// The trace (`/trace`); nil exactly when the rule is `none`.
    package var trace: PlasticTrace?
    /// The optimizer state (`/optimizer`).
    package var optimizer: OptimizerRecord
    /// The random streams (`/rng`).
    package var random: RandomRecord
    /// How far training went (`/progress`).
    package var progress: ProgressRecord
    /// The losses and scores (`/history`).
    package var history: HistoryRecord
    /// The data set (`/dataset`); nil in an untrained file.
    package var dataset: DatasetRecord?
    /// The losses of the original implementation's training output that the model was
    /// imported with (`/history/original`), or nil.
    package var originalHistory: OriginalHistoryRecord?

    /// Contents from their parts.
    package init(configuration: RunConfiguration, parameters: ParameterSet, trace: PlasticTrace?,
                optimizer: OptimizerRecord, random: RandomRecord, progress: ProgressRecord,
                history: HistoryRecord, dataset: DatasetRecord?, originalHistory: OriginalHistoryRecord? = nil) {
        self.configuration = configuration
        self.parameters = parameters
        self.trace = trace
        self.optimizer = optimizer
        self.random = random
        self.progress = progress
        self.history = history
        self.dataset = dataset
        self.originalHistory = originalHistory
    }

    /// A new, untrained model of `configuration`: parameters initialised from the
    /// configuration's seed, a zero trace (and a zero eta sensitivity when eta is learnt),
    /// Adam at step 0 with zero moments and docs/MODEL.md's hyper-parameters, the random
    /// streams' algorithm and seed without counters, no progress, an empty history and
    /// no data set.
    package static func untrained(configuration: RunConfiguration) -> ModelFileContents {
        let model = configuration.model, training = configuration.training
        let parameters = ParameterSet.initialised(for: model, seed: training.seed)
        let zeroMoments = parameters.specs.map { Tensor(shape: $0.shape) }
        let trace = PlasticTrace.zero(for: model)
        let optimizer = OptimizerRecord(step: 0, learningRate: training.learningRate,
                                        beta1: AdamDefaults.beta1, beta2: AdamDefaults.beta2,
                                        epsilon: AdamDefaults.epsilon, gamma: training.gamma,
                                        stepSize: Int64(training.stepSize),
                                        firstMoments: zeroMoments, secondMoments: zeroMoments)
        return ModelFileContents(
            configuration: configuration, parameters: parameters, trace: trace, optimizer: optimizer,
            random: RandomRecord(algorithm: RandomRecord.streamAlgorithm, seed: training.seed, counters: [:]),
            progress: ProgressRecord(epoch: 0, sampleInEpoch: 0),
            history: HistoryRecord(trainLoss: [], epochs: []), dataset: nil)
    }
}
