import Kernels
import ModelFile
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

    /// Trains `configuration` from the start and returns the states of every checkpoint.
    private func checkpoints(_ configuration: RunConfiguration, maxSteps: Int? = nil,
                             kernels: any ConvolutionKernels = FastKernels(threadCount: 2)) throws -> [TrainingState] {
        var saved: [TrainingState] = []
        let last = try trainer(configuration, kernels: kernels)
            .train(from: start(configuration), maxSteps: maxSteps) { saved.append($0) }
        if saved.last != last { saved.append(last) }
        return saved
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
            XCTAssertEqual(try trainer(variant).train(from: afterOne) { _ in }, uninterrupted)
            // Stop after four steps (inside the first epoch), then continue.
            let afterFour = try XCTUnwrap(try checkpoints(variant, maxSteps: 4).last)
            XCTAssertEqual(afterFour.optimizer.step, 4)
            XCTAssertEqual(afterFour.sampleInEpoch, 4)
            XCTAssertEqual(try trainer(variant).train(from: afterFour) { _ in }, uninterrupted)
        }
    }

    func testCheckpointsCarryTheHistoryAndAModelFileRoundTripsTheState() throws {
        let configuration = configuration()
        let states = try checkpoints(configuration)
        let last = try XCTUnwrap(states.last)
        let trainer = try trainer(configuration)
        let stepsPerEpoch = trainer.split.trainIDs.count
        XCTAssertEqual(last.history.trainLoss.count, 2 * stepsPerEpoch)
        XCTAssertEqual(last.history.epochs.count, 2)
        let firstEpochMean = last.history.trainLoss.prefix(stepsPerEpoch).reduce(0.0) { $0 + Double($1) } / Double(stepsPerEpoch)
        XCTAssertEqual(last.history.epochs[0].trainLoss, firstEpochMean)
        XCTAssert(last.history.epochs.allSatisfy { $0.validationScore >= 0 && $0.validationScore <= 1 })
        let contents = TrainingCheckpoint.contents(of: last, configuration: configuration, data: Self.data,
                                                   split: trainer.split)
        XCTAssertEqual(contents.dataset?.fingerprint, Self.data.fingerprint)
        XCTAssertEqual(TrainingCheckpoint.state(of: contents), last)
    }

    func testEachEpochShufflesDifferentlyUnlessShufflingIsOff() throws {
        var shuffled = configuration()
        let trainer = try trainer(shuffled)
        XCTAssertEqual(Set(trainer.epochOrder(0)), Set(trainer.split.trainIDs))
        XCTAssertNotEqual(trainer.epochOrder(0), trainer.epochOrder(1))
        shuffled.training.shuffle = false
        XCTAssertEqual(try self.trainer(shuffled).epochOrder(1), trainer.split.trainIDs)
    }

    func testANonFiniteLossStopsWithTheStepNamed() throws {
        let configuration = configuration()
        var state = start(configuration)
        state.parameters.set(PlasticPath.w, to: Tensor(shape: [32, 32], repeating: .nan))
        var checkpointsWritten = 0
        XCTAssertThrowsError(try trainer(configuration).train(from: state) { _ in checkpointsWritten += 1 }) { error in
            XCTAssertTrue("\(error)".hasPrefix("the loss became nan at step 1 (epoch 1, image "), "\(error)")
        }
        XCTAssertEqual(checkpointsWritten, 0)
    }
}
