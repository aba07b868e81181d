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

    /// A checkpoint that does not fit stops training with the disk's reason; the older file
    /// stays as it was.
    func testACheckpointThatDoesNotFitKeepsThePreviousFile() throws {
        let model = disk.appendingPathComponent("run.h5")
        try Data("an older file".utf8).write(to: model)
        let result = try ToolRunner.run(["train", "--data", EvaluationFixtures.smallData.path, "--epochs", "1",
                                         "--threads", "2", "--out", model.path])
        assertOneLineError(result, containing: [model.path, "No space left on device"])
        XCTAssertEqual(try Data(contentsOf: model), Data("an older file".utf8))
        XCTAssertEqual(try entries(disk), [".run.h5.lock", "run.h5"], "no temporary file is left")
    }

    /// Predictions and reports on a disk that is all but full: one line with the reason,
    /// no partial file.
    func testPredictionsAndReportsOnAFullDiskFailCleanly() throws {
        let model = try SharedTrainedModel.url()
        let filler = disk.appendingPathComponent("filler")
        let fill = try runExternal("dd", ["if=/dev/zero", "of=\(filler.path)", "bs=1024", "count=6000"],
                                   in: disk.deletingLastPathComponent())
        XCTAssertNotEqual(fill.status, 0, "the filler fills the disk")
        let out = disk.appendingPathComponent("masks")
        let predict = try ToolRunner.run(["predict", model.path, "--images",
                                          EvaluationFixtures.smallData.appendingPathComponent("train/images").path,
                                          "--out", out.path])
        assertOneLineError(predict, containing: ["No space left on device"])
        let report = disk.appendingPathComponent("report.json")
        let evaluate = try ToolRunner.run(["evaluate", model.path, "--data", EvaluationFixtures.smallData.path,
                                           "--json", report.path])
        assertOneLineError(evaluate, containing: [report.path, "No space left on device"])
        let left = try entries(disk).filter { $0 != "filler" && $0 != "masks" }
        XCTAssertEqual(left, [], "no report and no temporary file")
        let masks = (try? entries(out)) ?? []
        XCTAssertTrue(masks.allSatisfy { !$0.hasPrefix(".") }, "no temporary file among the masks: \(masks)")
    }
}
