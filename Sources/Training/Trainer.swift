import Kernels
import PlasticUNet
import TGSData

/// The deterministic trainer of docs/MODEL.md §4: batch size 1, samples in sequence.
///
/// One step: forward with the trace H_t and the step's dropout decisions, the loss,
/// H_{t+1} from the forward pass and the pre-update parameters, then backward with the
/// Adam update at the StepLR rate (each tensor updated as soon as its gradient is made).
/// Each epoch resets H to zero, visits the training images in the order of the stream
/// `("shuffle", index: epoch)` (or in split order without shuffling), then validates.
/// Every random draw comes from the run's seed.
package struct Trainer: Sendable {
    /// The run's options.
    package let configuration: RunConfiguration
    /// The images.
    package let data: DataSet
    /// Which images train and which validate.
    package let split: DataSplit
    /// The network that runs the passes.
    package let network: PlasticNetwork

    /// A trainer.
    /// - Throws: ``TrainingError`` when the split names an image the data does not hold,
    ///   or there is no training image.
    package init(configuration: RunConfiguration, data: DataSet, split: DataSplit, kernels: any ConvolutionKernels) throws {
        guard !split.trainIDs.isEmpty else { throw TrainingError.noTrainingImage }
        if let missing = (split.trainIDs + split.validationIDs).first(where: { data.sample(id: $0) == nil }) {
            throw TrainingError.missingImage(id: missing)
        }
        self.configuration = configuration
        self.data = data
        self.split = split
        self.network = PlasticNetwork(configuration: configuration.model, kernels: kernels)
    }

    /// Trains from `state` until the configured number of epochs is complete, until
    /// `maxSteps` steps have been made, or until `stopRequested` says so before a step,
    /// whichever comes first. A checkpoint is written at the end of every epoch, and once
    /// more where training stops unless the last one already holds that state.
    /// - Parameters:
    ///   - state: where to start. Training updates its tensors in place when the caller
    ///     hands it over (`consume`); a state that the caller keeps is copied on the first
    ///     step (the parameters and Adam's moments, three times the model's size).
    ///   - maxSteps: the most optimizer steps to make, or nil for no limit.
    ///   - stopRequested: asked before every step; true stops training there (a signal
    ///     handler's flag, say), as `maxSteps` would.
    ///   - observer: told about every step and epoch.
    ///   - checkpoints: where the checkpoints go.
    /// - Returns: the state where training stopped.
    /// - Throws: ``TrainingError`` naming the step and the tensor when a loss, a gradient or
    ///   an updated parameter is not finite (the last checkpoint written is then the last
    ///   good one); whatever `checkpoints` throws.
    package func train(from state: consuming TrainingState, maxSteps: Int? = nil,
                      stopRequested: () -> Bool = { false }, observer: (any TrainingObserver)? = nil,
                      checkpoints: any CheckpointWriter) throws -> TrainingState {
        // What tells the state apart from the last one written: its step count and its trace
        // (reset when an epoch starts). Keeping the whole state would keep its tensors.
        var written: (step: Int64, trace: PlasticTrace?)?
        var stepsLeft = maxSteps ?? Int.max
        let training = configuration.training
        let schedule = StepLearningRate(base: training.learningRate, gamma: training.gamma, stepSize: training.stepSize)
        let validation = Validation(samples: split.validationIDs.compactMap(data.sample(id:)),
                                    traceMode: training.evaluationTrace)
        epochs: while state.epoch < training.epochs {
            let order = epochOrder(state.epoch)
            if state.sampleInEpoch == 0 { state.trace = PlasticTrace.zero(for: configuration.model) }
            while state.sampleInEpoch < order.count {
                guard stepsLeft > 0, !stopRequested() else { break epochs }
                let id = order[state.sampleInEpoch]
                let loss = try step(&state, on: id, schedule: schedule)
                stepsLeft -= 1
                observer?.trainingStepFinished(StepProgress(step: state.optimizer.step, id: id,
                                                            digest: state.history.stepDigests?.last,
                                                            epoch: state.epoch, epochs: training.epochs,
                                                            sampleInEpoch: state.sampleInEpoch,
                                                            samplesPerEpoch: order.count, loss: loss))
            }
            let (validationLoss, validationScore) = validation.measure(network: network, parameters: state.parameters,
                                                                       trace: state.trace)
            let epochLosses = state.history.trainLoss.suffix(order.count)
            let record = EpochRecord(trainLoss: epochLosses.reduce(0.0) { $0 + Double($1) } / Double(order.count),
                                     validationLoss: validationLoss, validationScore: validationScore,
                                     learningRate: schedule.rate(atStep: state.optimizer.step - 1))
            state.history.epochs.append(record)
            state.epoch += 1
            state.sampleInEpoch = 0
            try checkpoints.write(checkpoint(of: state))
            written = (state.optimizer.step, state.trace)
            observer?.trainingEpochFinished(state.epoch - 1, of: training.epochs, record: record)
        }
        if let written, written.step == state.optimizer.step, written.trace == state.trace {
            return state
        }
        try checkpoints.write(checkpoint(of: state))
        return state
    }

    /// The checkpoint of this run at `state`.
    package func checkpoint(of state: TrainingState) -> TrainingCheckpoint {
        TrainingCheckpoint(configuration: configuration, state: state, dataFingerprint: data.fingerprint,
                           dataSize: data.size, split: split)
    }

    /// The training images of `epoch` in the order they are visited.
    package func epochOrder(_ epoch: Int) -> [String] {
        configuration.training.order(ofEpoch: epoch, trainIDs: split.trainIDs)
    }

    /// One optimizer step on the image `id`; returns its loss.
    private func step(_ state: inout TrainingState, on id: String, schedule: StepLearningRate) throws -> Double {
        guard let sample = data.sample(id: id) else { preconditionFailure("the split was checked against the data") }
        let step = state.optimizer.step
        let size = configuration.model.size
        let dropout = DropoutDecisions.draw(probability: configuration.training.dropout, width: configuration.model.width,
                                            seed: configuration.training.seed, step: step)
        let pass = network.forward(image: Tensor(shape: [size, size], scalars: sample.image),
                                   parameters: state.parameters, trace: state.trace, dropout: dropout)
        let loss = BinaryCrossEntropy.loss(pass.probabilities, mask: sample.mask)
        guard loss.isFinite else {
            throw TrainingError.lossNotFinite(loss: loss, step: step + 1, epoch: state.epoch + 1, image: id)
        }
        let nextTrace = network.updatedTrace(after: pass, parameters: state.parameters)
        let probabilityGradient = BinaryCrossEntropy.gradient(pass.probabilities, mask: sample.mask)
        let learningRate = schedule.rate(atStep: step)
        // Adam updates each tensor in place as soon as the backward pass has made its
        // gradient: the update alone holds the parameters until the pass has returned.
        var parameters = ParameterSet.none
        swap(&parameters, &state.parameters)
        let update = state.optimizer.beginUpdate(of: consume parameters, learningRate: learningRate,
                                                 digesting: state.history.stepDigests != nil)
        network.backward(consume pass, probabilityGradient: probabilityGradient, parameters: update, into: update)
        let outcome = state.optimizer.finishUpdate(update)
        state.parameters = outcome.parameters
        if let nonFinite = outcome.firstNonFinite {
            let name = state.parameters.specs[nonFinite.index].name
            throw nonFinite.inGradient
                ? TrainingError.gradientNotFinite(name: name, step: step + 1, epoch: state.epoch + 1, image: id)
                : TrainingError.updateNotFinite(name: name, step: step + 1, epoch: state.epoch + 1, image: id)
        }
        if let digests = outcome.digests {
            state.history.stepDigests?.append(StepDigest(
                inputs: StepDigest.inputs(id: id, image: sample.image, mask: sample.mask, dropout: dropout,
                                          learningRate: learningRate),
                parameters: digests.parameters, trace: StepDigest.trace(nextTrace), optimizer: digests.optimizer))
        }
        state.trace = nextTrace
        state.history.trainLoss.append(Float(loss))
        state.sampleInEpoch += 1
        return loss
    }
}
