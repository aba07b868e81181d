import Foundation
import XCTest

/// Writes onto a full disk: a 5 MB tmpfs, which only root can mount (the tests are
/// skipped for other users). Every failure names the file and the system's reason, and
/// leaves nothing half-written.
final class FullDiskTests: XCTestCase {
    private var disk: URL!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        disk = try makeTemporaryDirectory(for: self).appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try runExternal("mount", ["-t", "tmpfs", "-o", "size=5m", "tmpfs", disk.path],
                                    in: disk.deletingLastPathComponent())
        try requireExternalTool("a 5 MB tmpfs (\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines)))",
                                isAvailable: mount.status == 0)
        addTeardownBlock { [disk] in
            _ = try? runExternal("umount", [disk!.path], in: disk!.deletingLastPathComponent())
        }
    }

    private func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testAModelTooLargeForTheDiskLeavesTheOldFileAsItWas() throws {
        let model = disk.appendingPathComponent("m.h5")
        try ModelFiles.initialise(model)
        let before = try Data(contentsOf: model)
        // Width 16 at 101 x 101: about 51 MB of tensors.
        assertOneLineError(try ToolRunner.run(["init", "--out", model.path]),
                           containing: [model.path, "No space left on device"])
        XCTAssertEqual(try Data(contentsOf: model), before)
        XCTAssertEqual(try entries(disk), ["m.h5"])
    }

    func testSyntheticDataTooLargeForTheDiskLeavesNoDataFolder() throws {
        let out = disk.appendingPathComponent("synth")
        assertOneLineError(try ToolRunner.run(["data", "synth", "--out", out.path, "--count", "3000"]),
                           containing: [out.path, "No space left on device"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("train.csv").path),
                       "a folder without train.csv is no data folder")
        let images = try entries(out.appendingPathComponent("train/images"))
        XCTAssertTrue(images.allSatisfy { $0.hasSuffix(".png") && !$0.hasPrefix(".") }, "no temporary file is left")
    }
}
