import Kernels
import PlasticUNet
import TGSData
import Training
import XCTest

/// The step digests a run records: one per step, the state's parts those of the state after
/// the step (as a pass of their own computes them), the inputs those of the documented byte
/// layout; the same on every thread count, and none for a run whose history records none.
final class StepDigestTests: XCTestCase {
    private static let data = SyntheticSeismic(size: 32, seed: 2).dataSet(count: 12)

    private func configuration(learnEta: Bool = false) -> RunConfiguration {
        RunConfiguration(model: ModelConfiguration(rule: .hebb, alpha: .free, width: 2, size: 32, learnEta: learnEta),
                         training: TrainingOptions(seed: 3, epochs: 1, learningRate: 1e-3))
    }

    /// Keeps the state after every step.
    private final class StepStates: TrainingObserver {
        var digests: [StepDigest?] = []
        var ids: [String] = []

        func trainingStepFinished(_ progress: StepProgress) {
            digests.append(progress.digest)
            ids.append(progress.id)
        }

        func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord) {}
    }

    private struct Discard: CheckpointWriter {
        func write(_ checkpoint: TrainingCheckpoint) throws {}
    }

    private func train(_ configuration: RunConfiguration, from state: TrainingState? = nil, steps: Int,
                       threads: Int = 2) throws -> (TrainingState, StepStates, Trainer) {
        let trainer = try Trainer(configuration: configuration, data: Self.data,
                                  split: configuration.split(of: Self.data),
                                  kernels: FastKernels(threadCount: threads))
        let observer = StepStates()
        let final = try trainer.train(from: state ?? TrainingState.start(of: configuration), maxSteps: steps,
                                      observer: observer, checkpoints: Discard())
        return (final, observer, trainer)
    }

    func testEveryStepRecordsTheDigestsOfItsInputsAndOfTheStateItLeaves() throws {
        for learnEta in [false, true] {
            let configuration = configuration(learnEta: learnEta)
            let (final, observer, _) = try train(configuration, steps: 3)
            let digests = try XCTUnwrap(final.history.stepDigests)
            XCTAssertEqual(digests.count, 3)
            XCTAssertEqual(observer.digests, digests, "the observer sees each step's digest")
            let state = StepDigest.state(parameters: final.parameters, trace: final.trace, optimizer: final.optimizer)
            XCTAssertEqual(digests[2].parameters, state.parameters, "learn eta \(learnEta)")
            XCTAssertEqual(digests[2].trace, state.trace, "learn eta \(learnEta)")
            XCTAssertEqual(digests[2].optimizer, state.optimizer, "learn eta \(learnEta)")
            let sample = try XCTUnwrap(Self.data.sample(id: observer.ids[2]))
            let dropout = DropoutDecisions.draw(probability: 0.5, width: 2, seed: 3, step: 2)
            XCTAssertEqual(digests[2].inputs, StepDigest.inputs(id: sample.id, image: sample.image, mask: sample.mask,
                                                                dropout: dropout, learningRate: 1e-3))
            XCTAssertEqual(Set(digests.map(\.parameters)).count, 3, "each step moves the parameters")
        }
    }

    func testTheDigestsDoNotDependOnTheThreads() throws {
        let one = try train(configuration(), steps: 4, threads: 1).0.history.stepDigests
        let three = try train(configuration(), steps: 4, threads: 3).0.history.stepDigests
        XCTAssertEqual(one, three)
    }

    func testAResumedRunRecordsTheDigestsOfTheUninterruptedOne() throws {
        let whole = try train(configuration(), steps: 6).0
        let first = try train(configuration(), steps: 2).0
        let resumed = try train(configuration(), from: first, steps: 4).0
        XCTAssertEqual(resumed.history.stepDigests, whole.history.stepDigests)
    }

    func testAHistoryWithoutDigestsRecordsNone() throws {
        var start = TrainingState.start(of: configuration())
        start.history.stepDigests = nil
        let (final, observer, _) = try train(configuration(), from: start, steps: 2)
        XCTAssertNil(final.history.stepDigests)
        XCTAssertEqual(observer.digests, [nil, nil])
        XCTAssertEqual(final.history.trainLoss.count, 2)
    }

    /// The inputs' digest is XXH3-64 of the documented bytes, written out here, and each
    /// input moves it.
    func testTheInputsDigestFollowsItsDocumentedLayout() {
        let dropout = DropoutDecisions(layers: [.init(keep: [true, false], scale: 2)])
        var bytes: [UInt8] = [2, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x62]                  // "ab" after its length
        bytes += [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40]                                // 1.0, 2.0
        bytes += [1, 0]                                                           // the mask
        bytes += [1, 0, 0, 0, 0, 0x40]                                            // kept, dropped, scale 2.0
        bytes += [0, 0, 0, 0, 0, 0, 0xE0, 0x3F]                                   // learning rate 0.5
        let digest = StepDigest.inputs(id: "ab", image: [1, 2], mask: [1, 0], dropout: dropout, learningRate: 0.5)
        XCTAssertEqual(digest, XXH3.hash64(bytes))
        XCTAssertNotEqual(digest, StepDigest.inputs(id: "ac", image: [1, 2], mask: [1, 0], dropout: dropout,
                                                    learningRate: 0.5))
        XCTAssertNotEqual(digest, StepDigest.inputs(id: "ab", image: [1, 2.5], mask: [1, 0], dropout: dropout,
                                                    learningRate: 0.5))
        XCTAssertNotEqual(digest, StepDigest.inputs(id: "ab", image: [1, 2], mask: [1, 0], dropout: .none,
                                                    learningRate: 0.5))
        XCTAssertNotEqual(digest, StepDigest.inputs(id: "ab", image: [1, 2], mask: [1, 0], dropout: dropout,
                                                    learningRate: 0.25))
    }

    func testThePartsThatDifferAreNamedInOrder() {
        let a = StepDigest(inputs: 1, parameters: 2, trace: 3, optimizer: 4)
        XCTAssertEqual(a.differingParts(from: a), [])
        XCTAssertEqual(a.differingParts(from: StepDigest(inputs: 1, parameters: 9, trace: 3, optimizer: 9)),
                       ["parameters", "optimizer"])
        XCTAssertEqual(StepDigest(parts: a.parts), a)
    }
}
