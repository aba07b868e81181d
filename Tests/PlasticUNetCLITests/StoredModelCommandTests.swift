import Foundation
import XCTest

/// A stored model is one value, read once: every command reads and parses each model file
/// once (counted through the read log, `PLASTIC_UNET_READ_LOG`); a file that a newer version
/// wrote is refused whole; a hostile tree is refused in moments; a killed writer's
/// temporary file goes with the next write.
final class StoredModelCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    /// Runs the tool with the read log on, asserts that it exits `status`, and returns how
    /// often each file was read and parsed: `["read PATH": n, "parse PATH": m]`.
    private func readCounts(_ arguments: [String], status: Int32 = 0, file: StaticString = #filePath,
                            line: UInt = #line) throws -> [String: Int] {
        let log = folder.appendingPathComponent("reads-\(UUID().uuidString).log")
        let run = try ToolRunner.run(arguments, environment: ["PLASTIC_UNET_READ_LOG": log.path])
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        let lines = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return Dictionary(lines.map { ($0, 1) }, uniquingKeysWith: +)
    }

    private func once(_ url: URL) -> [String: Int] {
        ["read \(url.path)": 1, "parse \(url.path)": 1]
    }

    func testEachCommandReadsAndParsesEachModelFileOnce() throws {
        let data = EvaluationFixtures.smallData.path
        let a = folder.appendingPathComponent("a.h5"), b = folder.appendingPathComponent("b.h5")
        try EvaluationFixtures.trainSmallModel(a)
        XCTAssertEqual(try ToolRunner.run(["train", "--data", data, "--width", "2", "--epochs", "1", "--rule", "oja",
                                           "--out", b.path]).status, 0)

        XCTAssertEqual(try readCounts(["evaluate", a.path, "--data", data]), once(a))
        XCTAssertEqual(try readCounts(["diff", a.path, b.path, "--data", data, "--json",
                                       folder.appendingPathComponent("diff.json").path], status: 1),
                       once(a).merging(once(b)) { $0 + $1 })
        let started = folder.appendingPathComponent("started.h5")
        XCTAssertEqual(try readCounts(["train", "--data", data, "--config-from", a.path, "--init", a.path,
                                       "--epochs", "1", "--out", started.path]), once(a))
        XCTAssertEqual(try readCounts(["predict", a.path, "--images", data + "/train/images",
                                       "--out", folder.appendingPathComponent("masks").path]), once(a))
        XCTAssertEqual(try readCounts(["validate", a.path]), once(a))
        XCTAssertEqual(try readCounts(["inspect", a.path]), once(a))
        XCTAssertEqual(try readCounts(["export", a.path, "--torch", folder.appendingPathComponent("t.h5").path]),
                       once(a))
    }

    func testACheckpointCaseReadsItsModelFileOnce() throws {
        let model = folder.appendingPathComponent("model.h5")
        try EvaluationFixtures.trainSmallModel(model)
        let golden = folder.appendingPathComponent("case.json")
        XCTAssertEqual(try ToolRunner.run(["regress", "record", "--model", model.path, "--data",
                                           EvaluationFixtures.smallData.path, "--out", golden.path]).status, 0)
        XCTAssertEqual(try readCounts(["regress", "check", golden.path, "--case", "case"]), once(model))
    }

    /// Files edited with h5py: a config key and a dataset that this version does not know.
    func testAFileWithAKeyOrAnObjectThisVersionDoesNotKnowIsRefusedAsNewer() throws {
        try requireExternalTool("python3 with h5py", isAvailable: try runExternal(
            "python3", ["-c", "import h5py"], in: folder).status == 0)
        let model = folder.appendingPathComponent("model.h5")
        try EvaluationFixtures.trainSmallModel(model)
        let key = folder.appendingPathComponent("key.h5"), object = folder.appendingPathComponent("object.h5")
        try FileManager.default.copyItem(at: model, to: key)
        try FileManager.default.copyItem(at: model, to: object)
        let script = """
            import json, sys, h5py
            with h5py.File(sys.argv[1], "a") as f:
                config = json.loads(f.attrs["config"])
                config["dilation"] = 2
                f.attrs["config"] = json.dumps(config, sort_keys=True, separators=(",", ":"))
                f.attrs["generator"] = "plastic-unet 0.9.0"
            with h5py.File(sys.argv[2], "a") as f:
                f.create_dataset("history/future_record", data=[[1, 2, 3]], dtype="uint64")
            """
        let edit = try runExternal("python3", ["-c", script, key.path, object.path], in: folder)
        XCTAssertEqual(edit.status, 0, edit.output)
        let newer = "written by a newer plastic-unet"
        for command in [["evaluate"], ["validate"], ["export", "--torch", folder.appendingPathComponent("t.h5").path]] {
            let refusedKey = try ToolRunner.run([command[0], key.path] + command.dropFirst())
            assertOneLineError(refusedKey, containing: [key.path, newer, "(plastic-unet 0.9.0)", "config key \"dilation\""])
            let refusedObject = try ToolRunner.run([command[0], object.path] + command.dropFirst())
            assertOneLineError(refusedObject, containing: [object.path, newer, "the dataset /history/future_record"])
        }
        let trained = try ToolRunner.run(["train", "--resume", key.path, "--data", EvaluationFixtures.smallData.path])
        assertOneLineError(trained, containing: [newer])
    }

    /// 3,000 groups nested under an extra group: every command ends with exit 1 or 2 in
    /// seconds, not minutes.
    func testDeeplyNestedGroupsAreRefusedQuickly() throws {
        try requireExternalTool("python3 with h5py", isAvailable: try runExternal(
            "python3", ["-c", "import h5py"], in: folder).status == 0)
        let model = folder.appendingPathComponent("deep.h5")
        try ModelFiles.initialise(model)
        let nest = """
            import sys, h5py
            with h5py.File(sys.argv[1], "a") as f:
                group = f.create_group("extra")
                for _ in range(3000):
                    group = group.create_group("g")
            """
        XCTAssertEqual(try runExternal("python3", ["-c", nest, model.path], in: folder).status, 0)
        let other = folder.appendingPathComponent("other.h5")
        try ModelFiles.initialise(other)
        for arguments in [["validate", model.path], ["evaluate", model.path, "--split", "all"], ["inspect", model.path],
                          ["export", model.path, "--torch", folder.appendingPathComponent("t.h5").path],
                          ["diff", model.path, other.path]] {
            let start = Date()
            let run = try ToolRunner.run(arguments, timeout: 60)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertFalse(run.timedOut, arguments[0])
            XCTAssertTrue([1, 2].contains(run.status), "\(arguments[0]): \(run.status) \(run.stderr)")
            XCTAssertLessThan(seconds, 5, arguments[0])
        }
    }

    /// A writer killed mid-write leaves its temporary file; the next successful write to the
    /// same target removes it, and leaves a live writer's.
    func testTheNextWriteRemovesAKilledWritersTemporaryFile() throws {
        let out = folder.appendingPathComponent("model.h5")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/sh")
        ended.arguments = ["-c", "exit 0"]
        try ended.run()
        ended.waitUntilExit()
        let abandoned = folder.appendingPathComponent(".model.h5.\(ended.processIdentifier).\(UUID().uuidString).tmp")
        let live = folder.appendingPathComponent(".model.h5.\(getpid()).\(UUID().uuidString).tmp")
        for url in [abandoned, live] { XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data())) }
        try ModelFiles.initialise(out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: abandoned.path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path))
    }
}
