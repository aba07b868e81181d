import Kernels
import PlasticUNet
import TGSData
import Training
import XCTest

final class TrainerTests: XCTestCase {
    /// Twelve synthetic 32 x 32 images; the split keeps nine for training.
    private static let data = SyntheticSeismic(size: 32, seed: 2).dataSet(count: 12)

    private func configuration(rule: PlasticityRule = .oja, alpha: AlphaKind = .free, learnEta: Bool = false,
                               epochs: Int = 2, seed: UInt64 = 3) -> RunConfiguration {
        RunConfiguration(model: ModelConfiguration(rule: rule, alpha: alpha, width: 2, size: 32, learnEta: learnEta),
                         training: TrainingOptions(seed: seed, epochs: epochs, learningRate: 1e-3))
    }

    private func trainer(_ configuration: RunConfiguration,
                         kernels: any ConvolutionKernels = FastKernels(threadCount: 2)) throws -> Trainer {
        let split = DataSplit.stratified(Self.data, validationFraction: configuration.training.validationFraction,
                                         seed: configuration.training.seed)
        return try Trainer(configuration: configuration, data: Self.data, split: split, kernels: kernels)
    }

    private func start(_ configuration: RunConfiguration) -> TrainingState {
        TrainingState.start(configuration: configuration.model,
                            parameters: ParameterSet.initialised(for: configuration.model, seed: configuration.training.seed))
    }

    /// Keeps every checkpoint the trainer writes.
    private final class RecordedCheckpoints: CheckpointWriter {
        var written: [TrainingCheckpoint] = []

        func write(_ checkpoint: TrainingCheckpoint) throws {
            written.append(checkpoint)
        }
    }

    /// Trains `configuration` from `state` (default: the start) and returns the states of
    /// every checkpoint written.
    private func checkpoints(_ configuration: RunConfiguration, from state: TrainingState? = nil, maxSteps: Int? = nil,
                             kernels: any ConvolutionKernels = FastKernels(threadCount: 2)) throws -> [TrainingState] {
        let recorded = RecordedCheckpoints()
        let last = try trainer(configuration, kernels: kernels)
            .train(from: state ?? start(configuration), maxSteps: maxSteps, checkpoints: recorded)
        XCTAssertEqual(recorded.written.last?.state, last, "the last checkpoint holds the state training stopped at")
        return recorded.written.map(\.state)
    }

    func testTheSameRunTwiceGivesTheSameBitsAndAnotherSeedDoesNot() throws {
        let first = try checkpoints(configuration())
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first, try checkpoints(configuration()))
        XCTAssertNotEqual(first.last?.parameters, try checkpoints(configuration(seed: 4)).last?.parameters)
    }

    /// The thread count changes nothing, and the fast kernels train exactly as the
    /// reference ones.
    func testThreadCountAndKernelChoiceDoNotChangeABit() throws {
        let configuration = configuration(epochs: 1)
        let twoThreads = try checkpoints(configuration)
        XCTAssertEqual(try checkpoints(configuration, kernels: FastKernels(threadCount: 1)), twoThreads)
        XCTAssertEqual(try checkpoints(configuration, kernels: FastKernels(threadCount: 3)), twoThreads)
        XCTAssertEqual(try checkpoints(configuration, kernels: ReferenceKernels()), twoThreads)
    }

    func testResumingAtAnEpochOrMidEpochEqualsTheUninterruptedRun() throws {
        for variant in [configuration(), configuration(rule: .hebb, alpha: .yoked, learnEta: true)] {
            let uninterrupted = try checkpoints(variant).last
            // Stop after the first epoch, then continue to the second.
            var firstEpoch = variant
            firstEpoch.training.epochs = 1
            let afterOne = try XCTUnwrap(try checkpoints(firstEpoch).last)
            XCTAssertEqual(afterOne.epoch, 1)
            XCTAssertEqual(try checkpoints(variant, from: afterOne).last, uninterrupted)
            // Stop after four steps (inside the first epoch): the trainer writes that state
            // as a checkpoint of its own; then continue.
            let stopped = try checkpoints(variant, maxSteps: 4)
            XCTAssertEqual(stopped.count, 1)
            let afterFour = try XCTUnwrap(stopped.last)
            XCTAssertEqual(afterFour.optimizer.step, 4)
            XCTAssertEqual(afterFour.sampleInEpoch, 4)
            XCTAssertEqual(try checkpoints(variant, from: afterFour).last, uninterrupted)
        }
    }

    /// A stop request (a signal handler's flag) stops training before the next step, with a
    /// checkpoint of the step before it, wherever that is in an epoch.
    func testAStopRequestEndsWithACheckpointOfTheLastStep() throws {
        let configuration = configuration()
        let uninterrupted = try checkpoints(configuration).last
        let recorded = RecordedCheckpoints()
        var asked = 0
        let stopped = try trainer(configuration).train(from: start(configuration), stopRequested: {
            asked += 1
            return asked > 3
        }, checkpoints: recorded)
        XCTAssertEqual(stopped.optimizer.step, 3)
        XCTAssertEqual(stopped.sampleInEpoch, 3)
        XCTAssertEqual(recorded.written.map(\.state), [stopped])
        XCTAssertEqual(try checkpoints(configuration, from: stopped).last, uninterrupted)
    }

    func testCheckpointsCarryTheHistoryTheDataAndTheSplit() throws {
        let configuration = configuration()
        let trainer = try trainer(configuration)
        let recorded = RecordedCheckpoints()
        _ = try trainer.train(from: start(configuration), checkpoints: recorded)
        XCTAssertEqual(recorded.written.count, 2, "one checkpoint per epoch, none more")
        let checkpoint = try XCTUnwrap(recorded.written.last)
        XCTAssertEqual(checkpoint.configuration, configuration)
        XCTAssertEqual(checkpoint.dataFingerprint, Self.data.fingerprint)
        XCTAssertEqual(checkpoint.dataSize, 32)
        XCTAssertEqual(checkpoint.split, trainer.split)
        let last = checkpoint.state
        let stepsPerEpoch = trainer.split.trainIDs.count
        XCTAssertEqual(last.history.trainLoss.count, 2 * stepsPerEpoch)
        XCTAssertEqual(last.history.epochs.count, 2)
        let firstEpochMean = last.history.trainLoss.prefix(stepsPerEpoch).reduce(0.0) { $0 + Double($1) } / Double(stepsPerEpoch)
        XCTAssertEqual(last.history.epochs[0].trainLoss, firstEpochMean)
        XCTAssert(last.history.epochs.allSatisfy { $0.validationScore >= 0 && $0.validationScore <= 1 })
    }

    func testEachEpochShufflesDifferentlyUnlessShufflingIsOff() throws {
        var shuffled = configuration()
        let trainer = try trainer(shuffled)
        XCTAssertEqual(Set(trainer.epochOrder(0)), Set(trainer.split.trainIDs))
        XCTAssertNotEqual(trainer.epochOrder(0), trainer.epochOrder(1))
        shuffled.training.shuffle = false
        XCTAssertEqual(try self.trainer(shuffled).epochOrder(1), trainer.split.trainIDs)
    }

    func testASplitWithoutTrainingImagesOrWithOtherImagesIsRefused() {
        let configuration = configuration()
        let kernels = FastKernels(threadCount: 1)
        let id = Self.data.samples[0].id
        for (split, expected) in [(DataSplit(trainIDs: [], validationIDs: [id]), TrainingError.noTrainingImage),
                                  (DataSplit(trainIDs: [id, "absent"], validationIDs: []), .missingImage(id: "absent"))] {
            XCTAssertThrowsError(try Trainer(configuration: configuration, data: Self.data, split: split,
                                             kernels: kernels)) { error in
                XCTAssertEqual(error as? TrainingError, expected)
            }
        }
    }

    func testANonFiniteLossStopsWithTheStepNamed() throws {
        let configuration = configuration()
        var state = start(configuration)
        state.parameters.set(.head(.w), to: Tensor(shape: [32, 32], repeating: .nan))
        let recorded = RecordedCheckpoints()
        XCTAssertThrowsError(try trainer(configuration).train(from: state, checkpoints: recorded)) { error in
            XCTAssertTrue("\(error)".hasPrefix("the loss became nan at step 1 (epoch 1, image "), "\(error)")
            guard case .lossNotFinite(let loss, step: 1, epoch: 1, image: _)? = error as? TrainingError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue(loss.isNaN)
        }
        XCTAssertEqual(recorded.written.count, 0)
    }

    /// An update that overflows (a huge learning rate) stops the run at once, naming the
    /// step and the tensor; no checkpoint holds the damage.
    func testANonFiniteUpdateStopsWithTheStepAndTheTensorNamed() throws {
        var configuration = configuration()
        configuration.training.learningRate = 1e38
        let recorded = RecordedCheckpoints()
        XCTAssertThrowsError(try trainer(configuration).train(from: start(configuration), checkpoints: recorded)) {
            XCTAssertTrue("\($0)".hasPrefix("the update made w hold a NaN or an infinity at step 1 (epoch 1, image "),
                          "\($0)")
            guard case .updateNotFinite(name: .head(.w), step: 1, epoch: 1, image: _)? = $0 as? TrainingError else {
                return XCTFail("\($0)")
            }
        }
        XCTAssertEqual(recorded.written.count, 0)
    }
}
