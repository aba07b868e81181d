import Foundation
import HDF5Kit
import XCTest

/// A state_dict written by PyTorch (`fixtures/interop`, made by `make_fixtures.py`),
/// imported and run by `predict`, gives the probabilities of PyTorch's own forward pass
/// within 1e-5: with the stored trace, with a zero trace, and online over three images.
final class PyTorchFixtureTests: XCTestCase {
    private static let folder = PackageFiles.url("fixtures/interop")
    private static let stateDict = folder.appendingPathComponent("torch-oja-free-w2-s32.h5")
    private static let expected = folder.appendingPathComponent("torch-oja-free-w2-s32-expected.h5")
    private static let tolerance: Float = 1e-5

    /// The expected probabilities and the ids of their images.
    private func expectations() throws -> (file: HDF5File, image: String, onlineImages: [String]) {
        let file = try HDF5File.open(Self.expected)
        guard case .string(let image)? = try file.root.attribute("image"),
              case .string(let online)? = try file.root.attribute("online_images") else {
            throw XCTSkip("the expected file lacks its image attributes")
        }
        return (file, image, online.split(separator: ",").map(String.init))
    }

    /// Imports the fixture, predicts the images `ids` in `mode` and returns the
    /// probabilities, `[ids.count · S · S]` in id order.
    private func predicted(_ ids: [String], mode: String, in folder: URL) throws -> [Float] {
        let model = folder.appendingPathComponent("imported.h5")
        if !FileManager.default.fileExists(atPath: model.path) {
            let imported = try ToolRunner.run(["import", Self.stateDict.path, "--rule", "oja", "--alpha", "free",
                                               "--out", model.path])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
        let images = folder.appendingPathComponent("images-\(mode)")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for id in ids {
            try FileManager.default.copyItem(at: EvaluationFixtures.smallData.appendingPathComponent("train/images/\(id).png"),
                                             to: images.appendingPathComponent("\(id).png"))
        }
        let probabilities = folder.appendingPathComponent("p-\(mode).h5")
        let predict = try ToolRunner.run(["predict", model.path, "--images", images.path, "--trace", mode,
                                          "--out", folder.appendingPathComponent("out-\(mode)").path,
                                          "--probabilities", probabilities.path])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        let file = try HDF5File.open(probabilities)
        defer { try? file.close() }
        XCTAssertEqual(try file.root.dataset("ids").readStrings(), ids)
        return try file.root.dataset("probabilities").read(Float.self)
    }

    private func assertClose(_ actual: [Float], _ expected: [Float], _ label: String) {
        XCTAssertEqual(actual.count, expected.count, label)
        let worst = zip(actual, expected).map { abs($0 - $1) }.max() ?? .infinity
        XCTAssertLessThanOrEqual(worst, Self.tolerance, "\(label): largest difference \(worst)")
        // The fixture is not a trivial one: the probabilities spread away from 0.5.
        XCTAssertGreaterThan((expected.max() ?? 0) - (expected.min() ?? 0), 0.2, label)
    }

    func testStoredAndZeroTracesMatchPyTorch() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (file, image, _) = try expectations()
        defer { try? file.close() }
        for mode in ["stored", "zero"] {
            assertClose(try predicted([image], mode: mode, in: folder), try file.root.dataset(mode).read(Float.self),
                        mode)
        }
    }

    func testTheOnlineTraceMatchesPyTorchOverASequence() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (file, _, images) = try expectations()
        defer { try? file.close() }
        XCTAssertEqual(images.count, 3)
        assertClose(try predicted(images, mode: "online", in: folder), try file.root.dataset("online").read(Float.self),
                    "online")
    }
}
