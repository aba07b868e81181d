import Foundation
import HDF5Kit
import XCTest

/// `reproduce` replays a model file's training step by step: it reproduces across threads
/// and kernel paths, names the step where a run parts and the objects a hand edit changed,
/// says that a seal is broken, refuses what it cannot check, and falls back on the training
/// loss for a file of an older version; `diff` names the first step at which two runs part.
final class ReproduceCommandTests: XCTestCase {
    private var folder: URL!
    private var data: String { EvaluationFixtures.smallData.path }

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    private func path(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Trains a width-2 model on the small data into `name`, with `arguments` added.
    @discardableResult
    private func train(_ name: String, _ arguments: [String] = [], environment: [String: String] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = path(name)
        let run = try ToolRunner.run(["train", "--data", data, "--width", "2", "--epochs", "2", "--out", url.path]
                                         + arguments, environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        return url
    }

    private func edit(_ url: URL, with script: String) throws {
        try requireExternalTool("python3 with h5py", isAvailable: try runExternal(
            "python3", ["-c", "import h5py"], in: folder).status == 0)
        let run = try runExternal("python3", ["-c", "import sys, h5py, numpy\n" + script, url.path], in: folder)
        XCTAssertEqual(run.status, 0, run.output)
    }

    func testARunReproducesOnAnyThreadsAndKernelPathAndSaysSo() throws {
        let model = try train("model.h5", ["--threads", "2"], environment: ["PLASTIC_UNET_KERNELS": "portable"])
        let report = path("report.json")
        let run = try ToolRunner.run(["reproduce", model.path, "--data", data, "--threads", "1", "--json", report.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "seal: intact")
        XCTAssertTrue(lines[2].contains("each step checked by its step digests"), lines[2])
        XCTAssertEqual(lines.last, "reproduced: 20 steps, 2 epochs, byte-identical state")
        let json = try EvaluationFixtures.jsonObject(report)
        XCTAssertEqual(json["verdict"] as? String, "reproduced")
        try checkSchema(report)
        let fastest = try ToolRunner.run(["reproduce", model.path, "--data", data, "--threads", "2"])
        XCTAssertEqual(fastest.status, 0, fastest.stderr)
        let quick = try ToolRunner.run(["reproduce", model.path, "--data", data, "--steps", "5"])
        XCTAssertEqual(quick.status, 0, quick.stderr)
        XCTAssertTrue(quick.stdout.hasSuffix("reproduced so far: the first 5 of 20 steps agree; the rest and the final "
                                             + "state were not checked\n"), quick.stdout)
    }

    func testARunStoppedEarlyIsReplayedToWhereItStopped() throws {
        let model = try train("stopped.h5", ["--max-steps", "13"])
        let run = try ToolRunner.run(["reproduce", model.path, "--data", data])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("reproduced: 13 steps, 1 epochs, byte-identical state\n"), run.stdout)
    }

    func testAnEditedDigestIsNamedByItsStepAfterTheBrokenSeal() throws {
        let model = try train("model.h5")
        try edit(model, with: """
            with h5py.File(sys.argv[1], "a") as f:
                digests = f["history/step_digests"][...]
                digests[11, 1] ^= 1
                f["history/step_digests"][...] = digests
            """)
        let run = try ToolRunner.run(["reproduce", model.path, "--data", data])
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].hasPrefix("seal: broken"), lines[1])
        XCTAssertTrue(lines.last?.hasPrefix("parted at step 12 (epoch 2, image 2 of 10, id ") ?? false, run.stdout)
        XCTAssertTrue(lines.last?.hasSuffix("): the parameters differ") ?? false, run.stdout)
    }

    func testAnEditedTensorIsNamedWithEveryStepAgreeing() throws {
        let model = try train("model.h5")
        try edit(model, with: """
            with h5py.File(sys.argv[1], "a") as f:
                f["plastic/w"][0, 0] += numpy.float32(0.001)
            """)
        let report = path("report.json")
        let run = try ToolRunner.run(["reproduce", model.path, "--data", data, "--json", report.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("\n  /plastic/w\nfinal state differs: every step agrees, but 1 of the file's "
                                          + "objects is not what the run makes"), run.stdout)
        XCTAssertEqual(try EvaluationFixtures.jsonObject(report)["differing_objects"] as? [String], ["/plastic/w"])
        try checkSchema(report)
    }

    /// A few pixels of one training image changed (not its mask, so the split stays): with
    /// the images visited in split order, the first step that uses that image is its place
    /// in the split; the runs agree before it and part there, at the inputs.
    func testDiffNamesTheFirstStepThatUsedAChangedImage() throws {
        let changed = path("changed")
        try FileManager.default.copyItem(at: EvaluationFixtures.smallData, to: changed)
        let original = try train("original.h5", ["--no-shuffle"])
        let ids = try HDF5File.open(original).root.dataset("dataset/train_ids").readStrings()
        let image = changed.appendingPathComponent("train/images/\(ids[4]).png")
        try requireExternalTool("python3 with Pillow", isAvailable: try runExternal(
            "python3", ["-c", "import PIL"], in: folder).status == 0)
        let touch = try runExternal("python3", ["-c", """
            import sys
            from PIL import Image
            image = Image.open(sys.argv[1])
            for x, y in ((3, 3), (10, 20)):
                image.putpixel((x, y), (image.getpixel((x, y)) + 7) % 256)
            image.save(sys.argv[1])
            """, image.path], in: folder)
        XCTAssertEqual(touch.status, 0, touch.output)
        let other = path("other.h5")
        XCTAssertEqual(try ToolRunner.run(["train", "--data", changed.path, "--width", "2", "--epochs", "2",
                                           "--no-shuffle", "--out", other.path]).status, 0)
        let report = path("diff.json")
        let diff = try ToolRunner.run(["diff", original.path, other.path, "--json", report.path])
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("the runs agree through step 4; at step 5 (epoch 1, image 5 of 10, id \(ids[4])) "
                                           + "the inputs, parameters, trace and optimizer differ"), diff.stdout)
        let steps = try XCTUnwrap(try EvaluationFixtures.jsonObject(report)["steps"] as? [String: Any])
        let parting = try XCTUnwrap(steps["parting"] as? [String: Any])
        XCTAssertEqual(parting["step"] as? Int, 5)
        XCTAssertEqual(parting["image_id"] as? String, ids[4])
        XCTAssertEqual((parting["parts"] as? [String])?.first, "inputs")
        let refused = try ToolRunner.run(["reproduce", other.path, "--data", data])
        assertOneLineError(refused, containing: ["the data is not the data", other.path])
        let same = try ToolRunner.run(["diff", original.path, original.path])
        XCTAssertTrue(same.stdout.contains("steps: the runs agree on every step they share (20; A records 20, B 20)"),
                      same.stdout)
    }

    /// A file of an older version (no seal, no step digests) still validates, evaluates,
    /// compares and reproduces, checked by its training losses.
    func testAFileOfAnOlderVersionReproducesByItsLosses() throws {
        let older = PackageFiles.url("fixtures/compatibility/deflate1-unsealed-hebb-yoked-w2.h5")
        let run = try ToolRunner.run(["reproduce", older.path, "--data", data])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("seal: absent"), run.stdout)
        XCTAssertTrue(run.stdout.contains("each step checked by its training loss"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("reproduced: 12 steps, 2 epochs, byte-identical state\n"), run.stdout)
        XCTAssertEqual(try ToolRunner.run(["validate", older.path]).status, 0)
        XCTAssertEqual(try ToolRunner.run(["evaluate", older.path, "--data", data]).status, 0)
        let golden = PackageFiles.url("fixtures/golden/models/hebb-yoked-w2.h5")
        // The same values, stored at another deflate level.
        let diff = try ToolRunner.run(["diff", older.path, golden.path, "--only", "/parameters", "--only", "/plastic"])
        XCTAssertTrue(diff.stdout.contains("values: all 103 datasets identical"), diff.stdout)
    }

    func testWhatCannotBeCheckedIsRefusedWithExitTwo() throws {
        let untrained = path("untrained.h5")
        try ModelFiles.initialise(untrained)
        assertOneLineError(try ToolRunner.run(["reproduce", untrained.path, "--data", data]),
                           containing: ["records no training step"])
        let start = try train("start.h5", ["--epochs", "1"])
        let continued = try train("continued.h5", ["--init", start.path, "--epochs", "1"])
        assertOneLineError(try ToolRunner.run(["reproduce", continued.path, "--data", data]),
                           containing: ["give it with --init"])
        assertOneLineError(try ToolRunner.run(["reproduce", continued.path, "--data", data, "--init", continued.path]),
                           containing: ["is not the model file the run started from"])
        let run = try ToolRunner.run(["reproduce", continued.path, "--data", data, "--init", start.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        assertOneLineError(try ToolRunner.run(["reproduce", path("none.h5").path]), containing: ["no such file"])
        assertOneLineError(try ToolRunner.run(["reproduce", start.path, "--steps", "0"]), containing: ["--steps"])
    }

    /// Runs `Tests/Python/check_json_schema.py` on a reproduce report.
    private func checkSchema(_ report: URL) throws {
        try requireExternalTool("python3 with jsonschema", isAvailable: try runExternal(
            "python3", ["-c", "import jsonschema"], in: folder).status == 0)
        let check = try runExternal("python3", [PackageFiles.url("Tests/Python/check_json_schema.py").path,
                                                PackageFiles.url("schemas/reproduce-report-v1.schema.json").path,
                                                report.path], in: folder)
        XCTAssertEqual(check.status, 0, check.output)
    }
}
