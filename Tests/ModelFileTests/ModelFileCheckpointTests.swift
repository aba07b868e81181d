import Foundation
import Kernels
import ModelFile
import PlasticUNet
import TGSData
import Training
import XCTest

final class ModelFileCheckpointTests: XCTestCase {
    /// A checkpoint in the middle of a run, with moments, a trace, a history and a split.
    private func checkpoint() -> TrainingCheckpoint {
        let configuration = RunConfiguration(model: ModelConfiguration(rule: .oja, alpha: .yoked, width: 1, size: 16,
                                                                       learnEta: true),
                                             training: TrainingOptions(seed: 7, epochs: 3))
        let parameters = ParameterSet.initialised(for: configuration.model, seed: 7)
        let moments = parameters.tensors.map { Tensor(shape: $0.shape, repeating: 0.25) }
        let optimizer = Adam(parameters: parameters, step: 11, firstMoments: moments, secondMoments: moments)
        let trace = PlasticTrace(hebb: Tensor(shape: [16, 16], repeating: 0.5),
                                 etaSensitivity: Tensor(shape: [16, 16], repeating: -0.5), samples: 4)
        let state = TrainingState(parameters: parameters, optimizer: optimizer, trace: trace, epoch: 1,
                                  sampleInEpoch: 4,
                                  history: HistoryRecord(trainLoss: [0.7, 0.6], epochs: [
                                      EpochRecord(trainLoss: 0.65, validationLoss: 0.6, validationScore: 0.5,
                                                  learningRate: 3e-4),
                                  ]))
        return TrainingCheckpoint(configuration: configuration, state: state,
                                  dataFingerprint: String(repeating: "ab", count: 32), dataSize: 16,
                                  split: DataSplit(trainIDs: ["b", "c"], validationIDs: ["a"]))
    }

    func testAWrittenCheckpointReadsBackAsTheSameState() throws {
        let checkpoint = checkpoint()
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("run.h5")
        try ModelFileCheckpointWriter(url: url).write(checkpoint)
        let contents = try ModelFileReader.read(url, using: .direct).contents
        XCTAssertEqual(contents.configuration, checkpoint.configuration)
        XCTAssertEqual(contents.trainingState, checkpoint.state)
        XCTAssertEqual(contents.dataset, DatasetRecord(fingerprint: checkpoint.dataFingerprint, size: 16,
                                                       trainIDs: ["b", "c"], validationIDs: ["a"]))
        // The next shuffle is keyed by the epoch, the next dropout draw by the optimizer step.
        XCTAssertEqual(contents.random.counters, ["shuffle_epoch": 1, "dropout_step": 11])
        XCTAssertEqual(contents.progress, ProgressRecord(epoch: 1, sampleInEpoch: 4))
    }
}
