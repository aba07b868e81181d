import Foundation
import HDF5Kit
import XCTest

/// The original implementation's training output (`fixtures/interop/original-train_data.hdf5`):
/// `inspect` names it, and `import --original-history` keeps its losses.
final class OriginalHistoryCommandTests: XCTestCase {
    private static let original = PackageFiles.url("fixtures/interop/original-train_data.hdf5")
    private static let stateDict = PackageFiles.url("fixtures/interop/torch-oja-free-w2-s32.h5")

    /// The values of a float32 dataset of the original's file, as the model file keeps them.
    private func originalValues(_ path: String) throws -> [Double] {
        let file = try HDF5File.open(Self.original)
        defer { try? file.close() }
        return try file.root.dataset(path).read(Float.self).map(Double.init)
    }

    func testInspectNamesEachKindOfFile() throws {
        let inspect = { (url: URL) in try ToolRunner.run(["inspect", url.path]).stdout.split(separator: "\n")[1] }
        XCTAssertTrue(try inspect(Self.original).hasPrefix("a training output of the original PyTorch implementation"))
        XCTAssertTrue(try inspect(Self.original).contains("40 training losses, validation series all_losses, scores"))
        XCTAssertTrue(try inspect(Self.stateDict).hasPrefix("a PyTorch state_dict as a flat file, 103 tensors"))
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("m.h5")
        try ModelFiles.initialise(model)
        XCTAssertEqual(try inspect(model), "a plastic-unet model file")
        // A file the recognition cannot look into (net is a dataset) is of another kind.
        let odd = folder.appendingPathComponent("odd.h5")
        let file = try HDF5File.create(at: odd)
        try file.root.createDataset("net", shape: [1], values: [Float(1)])
        try file.close()
        XCTAssertEqual(try inspect(odd), "an HDF5 file of another kind")
        let json = try ToolRunner.run(["inspect", Self.original.path, "--json"])
        XCTAssertTrue(json.stdout.contains(#""kind" : "a training output of the original"#), json.stdout)
    }

    func testImportKeepsTheOriginalsLossesApart() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let model = folder.appendingPathComponent("imported.h5")
        let imported = try ToolRunner.run(["import", Self.stateDict.path, "--rule", "oja", "--alpha", "free",
                                           "--original-history", Self.original.path, "--out", model.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(try ToolRunner.run(["validate", model.path]).stdout, "valid\n")
        let file = try HDF5File.open(model)
        defer { try? file.close() }
        XCTAssertEqual(try file.root.dataset("history/original/train_loss").read(Double.self),
                       try originalValues("train/all_losses"))
        for name in ["all_losses", "scores"] {
            XCTAssertEqual(try file.root.dataset("history/original/validation/\(name)").read(Double.self),
                           try originalValues("validation/\(name)"), name)
        }
        // This program's own history is still empty: the model is untrained.
        XCTAssertEqual(try file.root.dataset("history/train_loss").elementCount(), 0)
        guard case .string(let digest)? = try file.root.group("history/original").attribute("source_sha256") else {
            return XCTFail("no source_sha256")
        }
        XCTAssertEqual(digest.count, 64)
    }

    func testAnOutputOfAnotherSizeOrKindIsRefused() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("out.h5")
        let exported = folder.appendingPathComponent("s40.h5")
        let model = folder.appendingPathComponent("m40.h5")
        try ModelFiles.initialise(model, ["--rule", "oja", "--width", "2", "--size", "40"])
        XCTAssertEqual(try ToolRunner.run(["export", model.path, "--torch", exported.path]).status, 0)
        assertOneLineError(try ToolRunner.run(["import", exported.path, "--rule", "oja", "--alpha", "free",
                                               "--original-history", Self.original.path, "--out", out.path]),
                           containing: ["net/w is 32 x 32", "40 x 40"])
        assertOneLineError(try ToolRunner.run(["import", Self.stateDict.path, "--rule", "oja", "--alpha", "free",
                                               "--original-history", exported.path, "--out", out.path]),
                           containing: [exported.path, "no dataset net/w"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
