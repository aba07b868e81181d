import Foundation
import HDF5Kit
import ImageFiles
import XCTest

final class PredictCommandTests: XCTestCase {
    private let images = EvaluationFixtures.smallData.appendingPathComponent("train/images")

    /// Runs predict with `--trace mode --probabilities` and returns the ids and maps of the file.
    private func probabilities(_ model: URL, trace: String, in folder: URL) throws -> (ids: [String], maps: [[Float]]) {
        let file = folder.appendingPathComponent("\(trace).h5")
        let result = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out",
                                         folder.appendingPathComponent(trace).path, "--trace", trace,
                                         "--probabilities", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let hdf5 = try HDF5File.open(file)
        let dataset = try hdf5.root.dataset("probabilities")
        XCTAssertEqual(try dataset.shape(), [12, 32, 32])
        XCTAssertEqual(try dataset.elementType(), .float32)
        for name in ["probabilities", "ids"] {
            let storage = try hdf5.root.dataset(name).storage()
            XCTAssertEqual(storage.layout, .chunked, name)
            XCTAssertEqual(storage.filters.map(\.name), ["shuffle", "deflate", "fletcher32"], name)
        }
        XCTAssertEqual(try hdf5.root.attribute("trace_mode")?.stringValue, trace)
        XCTAssertEqual(try hdf5.root.attribute("format")?.stringValue, "plastic-unet-probabilities")
        let values = try dataset.read(Float.self)
        let ids = try hdf5.root.dataset("ids").readStrings()
        return (ids, (0..<12).map { Array(values[($0 * 1024)..<(($0 + 1) * 1024)]) })
    }

    func testTheTraceModesGiveDifferentProbabilities() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        let stored = try probabilities(model, trace: "stored", in: folder)
        let zero = try probabilities(model, trace: "zero", in: folder)
        let online = try probabilities(model, trace: "online", in: folder)
        XCTAssertEqual(stored.ids, try EvaluationFixtures.imageIDs(in: images))
        XCTAssertEqual(zero.ids, stored.ids)
        XCTAssertEqual(online.ids, stored.ids)
        for index in stored.maps.indices {
            XCTAssertNotEqual(stored.maps[index], zero.maps[index], stored.ids[index])
        }
        // Online starts from the stored trace and updates it after every image.
        XCTAssertEqual(online.maps[0], stored.maps[0])
        for index in 1..<online.maps.count {
            XCTAssertNotEqual(online.maps[index], stored.maps[index], online.ids[index])
            XCTAssertNotEqual(online.maps[index], zero.maps[index], online.ids[index])
        }
    }

    func testMasksAndSubmissionAreTheProbabilitiesAboveTheThreshold() throws {
        let model = try SharedTrainedModel.url()
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("out"), file = folder.appendingPathComponent("p.h5")
        let threshold = 0.49
        let result = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out", out.path,
                                         "--threshold", "\(threshold)", "--probabilities", file.path, "--threads", "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let hdf5 = try HDF5File.open(file)
        let values = try hdf5.root.dataset("probabilities").read(Float.self)
        let ids = try hdf5.root.dataset("ids").readStrings()
        var saltPixels = 0
        for (index, id) in ids.enumerated() {
            let mask = try PNGFile.read(out.appendingPathComponent("\(id).png"))
            XCTAssertEqual([mask.width, mask.height, mask.bitDepth], [32, 32, 8])
            let expected = values[(index * 1024)..<((index + 1) * 1024)].map { Double($0) > threshold ? UInt16(255) : 0 }
            XCTAssertEqual(mask.pixels, expected, id)
            saltPixels += expected.count { $0 > 0 }
        }
        XCTAssertGreaterThan(saltPixels, 0, "the test needs salt somewhere")
        let submission = try String(contentsOf: out.appendingPathComponent("submission.csv"), encoding: .utf8)
        let lines = submission.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "id,rle_mask")
        XCTAssertEqual(lines.last, "")
        XCTAssertFalse(submission.contains("\r"))
        XCTAssertEqual(lines.dropFirst().dropLast().map { String($0.split(separator: ",")[0]) }, ids)
        // The table and the images hold the same masks: each scores 1 against the other.
        let score = try ToolRunner.run(["score", "--truth", out.appendingPathComponent("submission.csv").path,
                                        "--pred", out.path])
        XCTAssertEqual(score.status, 0, score.stderr)
        XCTAssertTrue(score.stdout.contains("score    1.0000 (masks as given)"), score.stdout)
    }

    func testImagesOfAnotherSizeAreRefusedByName() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("model.h5")
        try ModelFiles.initialise(model, ["--width", "2", "--size", "48"])
        let out = folder.appendingPathComponent("out")
        let result = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out", out.path])
        let first = try XCTUnwrap(try EvaluationFixtures.imageIDs(in: images).first)
        assertOneLineError(result, containing: ["image \(images.appendingPathComponent(first + ".png").path) is 32 x 32",
                                                "takes 48 x 48"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testBadInputStopsWithOneLineAndWritesNothing() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("model.h5")
        try ModelFiles.initialise(model)
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: images.appendingPathComponent(try EvaluationFixtures.imageIDs(in: images)[0] + ".png"),
                                         to: broken.appendingPathComponent("a.png"))
        try Data("not a png".utf8).write(to: broken.appendingPathComponent("b.png"))
        let out = folder.appendingPathComponent("out"), file = folder.appendingPathComponent("p.h5")
        assertOneLineError(try ToolRunner.run(["predict", model.path, "--images", broken.path, "--out", out.path,
                                               "--probabilities", file.path]),
                           containing: ["\(broken.path)/b.png", "not a PNG file"])
        assertOneLineError(try ToolRunner.run(["predict", folder.appendingPathComponent("none.h5").path, "--images",
                                               images.path, "--out", out.path]), containing: ["none.h5"])
        assertOneLineError(try ToolRunner.run(["predict", model.path, "--images", broken.path, "--out", broken.path + "/."]),
                           containing: ["--out must not be the --images folder"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }

    /// An image that cannot be read after others were predicted: the masks already made were
    /// staged, not written, so the existing folder keeps its files and no temporary file.
    func testAFailureAfterSomePredictionsLeavesTheOutputFolderAsItWas() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("model.h5")
        try ModelFiles.initialise(model)
        let mixed = folder.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: mixed, withIntermediateDirectories: true)
        for id in try EvaluationFixtures.imageIDs(in: images).prefix(3) {
            try FileManager.default.copyItem(at: images.appendingPathComponent(id + ".png"),
                                             to: mixed.appendingPathComponent(id + ".png"))
        }
        try Data("not a png".utf8).write(to: mixed.appendingPathComponent("zzzz.png"))
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("submission.csv"))
        assertOneLineError(try ToolRunner.run(["predict", model.path, "--images", mixed.path, "--out", out.path]),
                           containing: ["zzzz.png"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["submission.csv"])
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("submission.csv")), Data("old".utf8))
    }
}
