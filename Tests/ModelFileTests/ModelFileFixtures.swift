import Foundation
import Kernels
import ModelFile
import PlasticUNet
import Training
import XCTest

/// Model contents and folders for the tests.
enum ModelFileFixtures {
    /// A small configuration.
    static func configuration(rule: PlasticityRule = .hebb, alpha: AlphaKind = .free, learnEta: Bool = false,
                              seed: UInt64 = 7, epochs: Int = 0) -> RunConfiguration {
        RunConfiguration(model: ModelConfiguration(rule: rule, alpha: alpha, width: 2, size: 32, learnEta: learnEta),
                         training: TrainingOptions(seed: seed, epochs: epochs))
    }

    /// A tensor of `shape` whose values depend on `salt` and on the position.
    static func pattern(_ shape: [Int], salt: Int) -> Tensor {
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { Float(($0 * 31 + salt * 17) % 101) / 64 - 0.75 })
    }

    /// The contents of a file written during training: every record filled with values
    /// that differ from an untrained file's.
    static func trained(rule: PlasticityRule = .oja, alpha: AlphaKind = .yoked,
                        learnEta: Bool = true) -> ModelFileContents {
        var contents = ModelFileContents.untrained(
            configuration: configuration(rule: rule, alpha: alpha, learnEta: learnEta, epochs: 3))
        let specs = contents.parameters.specs
        contents.parameters.replaceAll(with: specs.enumerated().map { pattern($1.shape, salt: $0) })
        if var trace = contents.trace {
            trace.hebb = pattern([32, 32], salt: 1000)
            trace.samples = 17
            trace.etaSensitivity = trace.etaSensitivity.map { pattern($0.shape, salt: 2000) }
            contents.trace = trace
        }
        contents.optimizer.step = 40
        contents.optimizer.firstMoments = specs.enumerated().map { pattern($1.shape, salt: 3000 + $0) }
        contents.optimizer.secondMoments = specs.enumerated().map { pattern($1.shape, salt: 4000 + $0) }
        contents.random.counters = ["shuffle": 3, "dropout": 12_345, "split": 1]
        contents.progress = ProgressRecord(epoch: 2, sampleInEpoch: 8)
        contents.history = HistoryRecord(
            trainLoss: (0..<40).map { 0.7 - Float($0) * 0.01 },
            epochs: [EpochRecord(trainLoss: 0.6, validationLoss: 0.65, validationScore: 0.4, learningRate: 3e-4),
                     EpochRecord(trainLoss: 0.5, validationLoss: 0.55, validationScore: 0.5, learningRate: 2e-4)],
            stepDigests: (0..<40).map { step in
                StepDigest(parts: (0..<4).map { UInt64(step) << 32 | UInt64($0) | (1 << 63) })
            })
        contents.dataset = DatasetRecord(fingerprint: String(repeating: "0123456789abcdef", count: 4), size: 32,
                                         trainIDs: (0..<16).map { String(format: "%010x", $0 * 7919) },
                                         validationIDs: ["ünïcode-id", "b"])
        return contents
    }
}

/// A fresh temporary folder, removed when the test case ends.
func makeTemporaryDirectory(for testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("model-file-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
