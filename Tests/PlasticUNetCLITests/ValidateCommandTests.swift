import Foundation
import HDF5Kit
import XCTest

final class ValidateCommandTests: XCTestCase {
    /// What `validate` says first of a file edited here: the edit broke the writer's seal.
    private static let brokenSeal = "/: the seal does not match the file's bytes: the file was damaged, or changed "
        + "by another program\n"

    private func smallModel() throws -> URL {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("model.h5")
        try ModelFiles.initialise(url)
        return url
    }

    func testAValidFilePrintsValid() throws {
        let result = try ToolRunner.run(["validate", try smallModel().path])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "valid\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testAFlippedByteInAChunkFailsTheChecksumAndNamesTheDataset() throws {
        let url = try smallModel()
        let chunk = try XCTUnwrap(try HDF5File.open(url).root.dataset("plastic/w").chunkLocations().first)
        var bytes = try Data(contentsOf: url)
        bytes[chunk.fileOffset + chunk.byteCount / 2] ^= 0x01
        let damaged = url.deletingLastPathComponent().appendingPathComponent("damaged.h5")
        try bytes.write(to: damaged)
        assertOneLineError(try ToolRunner.run(["validate", damaged.path]),
                           containing: [damaged.path, "/plastic/w", "checksum"])
    }

    func testFilesThatAreNotModelFilesAreOneLineErrors() throws {
        let url = try smallModel()
        let folder = url.deletingLastPathComponent()
        let bytes = try Data(contentsOf: url)
        let truncated = folder.appendingPathComponent("truncated.h5")
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let empty = folder.appendingPathComponent("empty.h5")
        try Data().write(to: empty)
        let png = folder.appendingPathComponent("picture.h5")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR junk".utf8)).write(to: png)
        let other = folder.appendingPathComponent("other.h5")
        let file = try HDF5File.create(at: other)
        try file.root.createGroup("results").createDataset("scores", shape: [3], values: [0.5, 0.25, 1.0])
        try file.close()

        assertOneLineError(try ToolRunner.run(["validate", truncated.path]), containing: [truncated.path])
        assertOneLineError(try ToolRunner.run(["validate", empty.path]), containing: [empty.path, "not an HDF5 file"])
        assertOneLineError(try ToolRunner.run(["validate", png.path]), containing: [png.path, "not an HDF5 file"])
        assertOneLineError(try ToolRunner.run(["validate", other.path]),
                           containing: [other.path, "not a plastic-unet model file"])
        let missing = folder.appendingPathComponent("missing.h5").path
        assertOneLineError(try ToolRunner.run(["validate", missing]), containing: [missing, "no such file"])
    }

    func testAMissingDatasetIsAViolation() throws {
        let url = try smallModel()
        try ModelFiles.edit(url) { try $0.group("plastic").removeLink("w") }
        let result = try ToolRunner.run(["validate", url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, Self.brokenSeal + "/plastic/w: missing\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testAWrongShapeIsAViolation() throws {
        let url = try smallModel()
        try ModelFiles.edit(url) { root in
            let group = try root.group("optimizer/v/parameters/down2.conv")
            try group.removeLink("weight")
            try group.createDataset("weight", shape: [4, 2, 3], values: [Float](repeating: 0, count: 24))
        }
        let result = try ToolRunner.run(["validate", url.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, Self.brokenSeal
                       + "/optimizer/v/parameters/down2.conv/weight: shape [4, 2, 3], expected [2*n, n, 3, 3]\n")
    }

    /// A file without a seal (from another program or an older version) is valid and says
    /// so; one whose seal another program broke is not, but the other commands still read it,
    /// through the containment.
    func testTheSealIsReportedAndAChangedFileIsStillRead() throws {
        let unsealed = try smallModel()
        // Zeros in the user block: the file of a program that writes no seal.
        let handle = try FileHandle(forWritingTo: unsealed)
        try handle.write(contentsOf: Data(count: 512))
        try handle.close()
        XCTAssertEqual(try ToolRunner.run(["validate", unsealed.path]).stdout,
                       "valid, without a seal (written by another program or an older version)\n")
        let url = try smallModel()
        XCTAssertEqual(try ToolRunner.run(["validate", url.path]).stdout, "valid\n")
        try ModelFiles.edit(url) { try $0.setAttribute("note", .string("hand edited")) }
        let broken = try ToolRunner.run(["validate", url.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(broken.stdout, Self.brokenSeal + "/: unexpected attribute note\n")
        XCTAssertEqual(try ToolRunner.run(["inspect", url.path]).status, 0)
    }
}
