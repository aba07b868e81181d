import Foundation
import HDF5Kit
import Kernels
import ModelFile
import PlasticUNet
import Training
import XCTest

final class ModelFileRoundTripTests: XCTestCase {
    func testUntrainedFilesOfEveryRuleRoundTripAndValidate() throws {
        let folder = try makeTemporaryDirectory(for: self)
        for rule in PlasticityRule.allCases {
            for alpha in AlphaKind.allCases {
                for learnEta in rule == .none ? [false] : [false, true] {
                    let contents = ModelFileContents.untrained(
                        configuration: ModelFileFixtures.configuration(rule: rule, alpha: alpha, learnEta: learnEta))
                    let url = folder.appendingPathComponent("\(rule)-\(alpha)-\(learnEta).h5")
                    try ModelFileWriter.write(contents, to: url)
                    XCTAssertEqual(try ModelFileReader.read(url, using: .direct).contents, contents, url.lastPathComponent)
                    XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)), [], url.lastPathComponent)
                }
            }
        }
    }

    func testTrainedFilesRoundTripEveryRecord() throws {
        let folder = try makeTemporaryDirectory(for: self)
        for (rule, alpha, learnEta) in [(PlasticityRule.oja, AlphaKind.yoked, true), (.hebb, .free, false),
                                        (.none, .free, false)] {
            let contents = ModelFileFixtures.trained(rule: rule, alpha: alpha, learnEta: learnEta)
            let url = folder.appendingPathComponent("\(rule).h5")
            try ModelFileWriter.write(contents, to: url)
            let read = try ModelFileReader.read(url, using: .direct).contents
            XCTAssertEqual(read, contents)
            XCTAssertEqual(read.random.counters["dropout"], 12_345)
            XCTAssertEqual(read.dataset?.validationIDs, ["ünïcode-id", "b"])
            XCTAssertEqual(read.history.stepDigests?.count, 40)
            XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)), [])
        }
    }

    func testEqualContentsGiveByteIdenticalFiles() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let first = folder.appendingPathComponent("a.h5"), second = folder.appendingPathComponent("b.h5")
        try ModelFileWriter.write(ModelFileFixtures.trained(), to: first)
        try ModelFileWriter.write(ModelFileFixtures.trained(), to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
        var other = ModelFileFixtures.trained()
        other.progress.sampleInEpoch += 1
        try ModelFileWriter.write(other, to: second)
        XCTAssertNotEqual(try Data(contentsOf: first), try Data(contentsOf: second))
    }

    func testTheThreadsChangeNeitherTheBytesNorWhatIsRead() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let contents = ModelFileFixtures.trained()
        let files = [1, 2, 5].map { folder.appendingPathComponent("t\($0).h5") }
        for (threads, url) in zip([1, 2, 5], files) {
            try ModelFileWriter.write(contents, to: url, threads: threads)
            XCTAssertEqual(try ModelFileReader.read(url, using: .direct, threads: threads).contents, contents, url.lastPathComponent)
        }
        let first = try Data(contentsOf: files[0])
        for url in files.dropFirst() {
            XCTAssertEqual(try Data(contentsOf: url), first, url.lastPathComponent)
        }
    }

    /// A history without step digests (a file of an older version, or a run resumed from
    /// one) reads back without them; a file of no steps reads as one that records them from
    /// its first step.
    func testStepDigestsAreOptional() throws {
        let folder = try makeTemporaryDirectory(for: self)
        var older = ModelFileFixtures.trained()
        older.history.stepDigests = nil
        let url = folder.appendingPathComponent("older.h5")
        try ModelFileWriter.write(older, to: url)
        XCTAssertNil(try HDF5File.open(url).root.kind(at: "history/step_digests"))
        XCTAssertEqual(try ModelFileReader.read(url, using: .direct).contents, older)
        let untrained = folder.appendingPathComponent("untrained.h5")
        try ModelFileWriter.write(ModelFileContents.untrained(configuration: ModelFileFixtures.configuration()),
                                  to: untrained)
        XCTAssertEqual(try ModelFileReader.read(untrained, using: .direct).contents.history.stepDigests, [])
    }

    /// Files of earlier versions deflate their datasets at level 1; they still load.
    func testAFileDeflatedAtLevelOneStillLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/compatibility/deflate1-unsealed-hebb-yoked-w2.h5")
        let file = try HDF5File.open(url)
        XCTAssertEqual(try file.root.dataset("plastic/w").storage().filters,
                       [.shuffle, .deflate(level: 1), .fletcher32])
        let contents = try ModelFileReader.read(url, using: .direct).contents
        XCTAssertEqual(contents.configuration.model.width, 2)
        XCTAssertEqual(contents.trace?.hebb.scalars, try file.root.dataset("trace/hebb").read(Float.self))
        let rewritten = try makeTemporaryDirectory(for: self).appendingPathComponent("rewritten.h5")
        try ModelFileWriter.write(contents, to: rewritten)
        XCTAssertEqual(try ModelFileReader.read(rewritten, using: .direct).contents, contents)
    }

    func testUntrainedContentsFollowTheModelDefinition() throws {
        let configuration = ModelFileFixtures.configuration(rule: .hebb, alpha: .yoked, learnEta: true, seed: 11)
        let contents = ModelFileContents.untrained(configuration: configuration)
        XCTAssertEqual(contents.parameters, ParameterSet.initialised(for: configuration.model, seed: 11))
        XCTAssertEqual(contents.trace, PlasticTrace(hebb: Tensor(shape: [32, 32]), etaSensitivity: Tensor(shape: [32, 32]),
                                                    samples: 0))
        XCTAssertEqual(contents.optimizer.step, 0)
        XCTAssertEqual([contents.optimizer.learningRate, contents.optimizer.beta1, contents.optimizer.beta2,
                        contents.optimizer.epsilon, contents.optimizer.gamma], [3e-4, 0.9, 0.999, 1e-8, 0.666])
        XCTAssertEqual(contents.optimizer.stepSize, 100_000)
        XCTAssertEqual(contents.optimizer.firstMoments, contents.parameters.specs.map { Tensor(shape: $0.shape) })
        XCTAssertEqual(contents.optimizer.secondMoments, contents.optimizer.firstMoments)
        XCTAssertEqual(contents.random, RandomRecord(algorithm: RandomRecord.streamAlgorithm, seed: 11, counters: [:]))
        XCTAssertEqual(contents.progress, ProgressRecord(epoch: 0, sampleInEpoch: 0))
        XCTAssertEqual(contents.history, HistoryRecord(trainLoss: [], epochs: []))
        XCTAssertNil(contents.dataset)
        XCTAssertNil(ModelFileContents.untrained(configuration: ModelFileFixtures.configuration(rule: .none)).trace)
        XCTAssertNil(ModelFileContents.untrained(configuration: ModelFileFixtures.configuration()).trace?.etaSensitivity)
    }

    func testTheFileCarriesTheDocumentedRootAttributesAndStorage() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("m.h5")
        let contents = ModelFileFixtures.trained()
        try ModelFileWriter.write(contents, to: url)
        let file = try HDF5File.open(url)
        XCTAssertEqual(try file.root.attribute("format"), .string("plastic-unet-model"))
        XCTAssertEqual(try file.root.attribute("format_version"), .int64(1))
        XCTAssertEqual(try file.root.attribute("generator"), .string("plastic-unet \(PlasticUNetVersion.current)"))
        XCTAssertEqual(try file.root.attribute("config"), .string(contents.configuration.jsonText()))
        XCTAssertEqual(try file.root.dataset("plastic/w").attribute("torch_name"), .string("w"))
        XCTAssertEqual(try file.root.dataset("parameters/up1.transpose/weight").attribute("torch_name"),
                       .string("uconv1.dconv.weight"))
        XCTAssertEqual(try file.root.kind(at: "optimizer/m/parameters/down1.conv/weight"), .dataset)
        XCTAssertEqual(try file.root.kind(at: "optimizer/v/plastic/eta"), .dataset)
        XCTAssertEqual(try file.root.group("rng").attribute("seed"), .uint64(7))
        XCTAssertEqual(try file.root.group("dataset").attribute("n_train"), .int64(16))
        for entry in try file.root.descendants() where entry.kind == .dataset {
            let storage = try file.root.dataset(String(entry.path.dropFirst())).storage()
            XCTAssertEqual(storage.layout, .chunked, entry.path)
            XCTAssertEqual(storage.filters, [.shuffle, .deflate(level: 0), .fletcher32], entry.path)
        }
    }
}
