import PlasticUNet
import TGSData

/// Everything that changes while a model trains. With the run's configuration and data it
/// fixes the rest of the run: training continues from a state exactly as it would have
/// gone on without the interruption.
package struct TrainingState: Equatable, Sendable {
    /// The model's parameters.
    package var parameters: ParameterSet
    /// Adam's moments and step count (the global optimizer step).
    package var optimizer: Adam
    /// The trace H (and its eta sensitivity), nil for rule none.
    package var trace: PlasticTrace?
    /// Completed epochs.
    package var epoch: Int
    /// Samples trained in the current epoch (0 at an epoch's start).
    package var sampleInEpoch: Int
    /// The loss of every training step and the summary of every completed epoch.
    package var history: HistoryRecord

    /// A state from its parts.
    package init(parameters: ParameterSet, optimizer: Adam, trace: PlasticTrace?, epoch: Int, sampleInEpoch: Int,
                history: HistoryRecord) {
        self.parameters = parameters
        self.optimizer = optimizer
        self.trace = trace
        self.epoch = epoch
        self.sampleInEpoch = sampleInEpoch
        self.history = history
    }

    /// The state before the first step of a new model of `configuration`, its parameters
    /// drawn from the configuration's seed.
    package static func start(of configuration: RunConfiguration) -> TrainingState {
        start(configuration: configuration.model,
              parameters: ParameterSet.initialised(for: configuration.model, seed: configuration.training.seed))
    }

    /// The state before the first step, from initial parameters.
    package static func start(configuration: ModelConfiguration, parameters: ParameterSet) -> TrainingState {
        TrainingState(parameters: parameters, optimizer: Adam(parameters: parameters),
                      trace: PlasticTrace.zero(for: configuration), epoch: 0, sampleInEpoch: 0,
                      history: HistoryRecord(trainLoss: [], epochs: []))
    }
}
