import Foundation
import Kernels
import Regression
import XCTest

/// `plastic-unet regress` on copies of the project's goldens and on cases recorded here.
final class RegressCommandTests: XCTestCase {
    private static let goldens = GoldenCopies.goldens

    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    /// A copy of the golden `name` in the test's folder (``GoldenCopies/copy(_:into:_:)``).
    private func copy(_ name: String, _ edit: (inout GoldenCase) -> Void = { _ in }) throws -> URL {
        try GoldenCopies.copy(name, into: folder, edit)
    }

    func testTheProjectsGoldensPassOnOneThreadAndOnTwo() throws {
        for threads in ["1", "2"] {
            try checkTheProjectsGoldens(["--threads", threads])
        }
    }

    /// Every kernel path this CPU runs besides the fastest (which the test above uses),
    /// forced in a child process, passes every golden, direct and winograd alike.
    func testTheProjectsGoldensPassOnEveryOtherKernelPath() throws {
        for path in KernelPath.supported.dropFirst() {
            try checkTheProjectsGoldens(["--threads", "2"], environment: ["PLASTIC_UNET_KERNELS": path.rawValue])
        }
    }

    private func checkTheProjectsGoldens(_ options: [String], environment: [String: String] = [:],
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try ToolRunner.run(["regress", "check", Self.goldens.path] + options, environment: environment)
        let what = "\(options) \(environment)"
        XCTAssertEqual(result.status, 0, what + result.stdout + result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { $0.hasPrefix("pass ") }.count, 10, what,
                       file: file, line: line)
        XCTAssertTrue(result.stdout.hasSuffix("10 cases: 10 passed\n"), what + result.stdout, file: file, line: line)
        for winograd in ["hebb-free-winograd", "oja-free-winograd"] {
            XCTAssertTrue(result.stdout.contains("pass \(winograd)"), what + result.stdout, file: file, line: line)
        }
    }

    /// A value nudged beyond the case's tolerance fails with the field named and the obtained
    /// results written beside the case; within a tolerance the case's file sets, it passes.
    func testANudgedValueFailsBeyondItsToleranceAndPassesWithinIt() throws {
        let field = "tensors[/plastic/w].l2"
        let exact = try copy("oja-free") { $0.runs[0].results.tensors["/plastic/w"]?.l2 *= 1 + 1e-9 }
        let failed = try ToolRunner.run(["regress", "check", exact.path])
        XCTAssertEqual(failed.status, 1, failed.stdout)
        let obtained = GoldenCaseFile.obtainedURL(for: exact)
        XCTAssertTrue(failed.stdout.contains("FAIL oja-free: 1 of 665 fields out of tolerance; obtained results in "
                                             + obtained.path), failed.stdout)
        let row = try XCTUnwrap(failed.stdout.split(separator: "\n").first { $0.hasPrefix("  \(field) ") })
        XCTAssertTrue(row.hasSuffix("atol 0, rtol 0"), String(row))
        XCTAssertTrue(failed.stdout.contains("  field "), "the table has a header")
        XCTAssertEqual(try GoldenCaseFile.read(obtained).runs[0].results,
                       try GoldenCaseFile.read(Self.goldens.appendingPathComponent("oja-free.json")).runs[0].results)

        let tolerant = try copy("oja-free") {
            $0.runs[0].results.tensors["/plastic/w"]?.l2 *= 1 + 1e-9
            $0.tolerances.fields[field] = GoldenTolerances.Rule(atol: 0, rtol: 1e-8)
        }
        let passed = try ToolRunner.run(["regress", "check", tolerant.path])
        XCTAssertEqual(passed.status, 0, passed.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: obtained.path), "a passing check removes the file")
    }

    func testACheckpointCaseFailsOnAChangedModelFileAndOnMovedNumbers() throws {
        let model = folder.appendingPathComponent("model.h5")
        try FileManager.default.copyItem(at: Self.goldens.appendingPathComponent("models/hebb-yoked-w2.h5"), to: model)
        let moved = try copy("checkpoint-hebb-yoked") { $0.runs[0].results.evaluation["online"]?.bestScore += 0.1 }
        let failed = try ToolRunner.run(["regress", "check", moved.path])
        XCTAssertEqual(failed.status, 1, failed.stdout)
        XCTAssertTrue(failed.stdout.contains("evaluation.online.best_score"), failed.stdout)

        let changed = try copy("checkpoint-hebb-yoked") { $0.recipe.model?.path = model.path }
        var bytes = try Data(contentsOf: model)
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: model)
        let refused = try ToolRunner.run(["regress", "check", changed.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("checkpoint-hebb-yoked: the model file \(model.path) has changed"),
                      refused.stderr)
    }

    func testCasesThatCannotBeCheckedExitTwoAndTheOthersStillRun() throws {
        let good = try copy("none")
        let otherData = try copy("hebb-free") { $0.recipe.data?.fingerprint = String(repeating: "0", count: 64) }
        let garbage = folder.appendingPathComponent("garbage.json")
        try Data("{".utf8).write(to: garbage)
        let result = try ToolRunner.run(["regress", "check", good.path, otherData.path, garbage.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("pass none"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("3 cases: 1 passed, 2 could not be run\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("hebb-free: the data folder"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(garbage.path): not a golden case"), result.stderr)
        let missing = try copy("none") { $0.recipe.data?.path = "/no/such/folder" }
        let lost = try ToolRunner.run(["regress", "check", missing.path])
        XCTAssertEqual(lost.status, 2)
        XCTAssertEqual(lost.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(lost.stderr.contains("none: cannot load the data folder /no/such/folder"), lost.stderr)
        assertOneLineError(try ToolRunner.run(["regress", "check", folder.appendingPathComponent("x").path]),
                           containing: ["no such file or folder"])
        assertOneLineError(try ToolRunner.run(["regress", "check", Self.goldens.path, "--case", "nothing"]),
                           containing: ["no case named nothing"])
    }

    /// A user's recipe: recorded with a tolerance, it checks; update rewrites it; and the
    /// case file is what the schema describes.
    func testARecordedUserCaseChecksAndUpdates() throws {
        let data = EvaluationFixtures.smallData.path
        let out = folder.appendingPathComponent("mine.json")
        let record = try ToolRunner.run(["regress", "record", "--data", data, "--width", "1", "--epochs", "1",
                                         "--rule", "hebb", "--out", out.path])
        XCTAssertEqual(record.status, 0, record.stderr)
        let golden = try GoldenCaseFile.read(out)
        XCTAssertFalse(golden.exact)
        XCTAssertEqual(golden.tolerances.default, GoldenTolerances.Rule(atol: 1e-6, rtol: 1e-4))
        XCTAssertEqual(golden.recipe.data?.path, GoldenCaseFile.relativePath(of: URL(fileURLWithPath: data), from: out))
        XCTAssertEqual(golden.runs[0].results.epochs.count, 1)
        XCTAssertEqual(Set(golden.runs[0].results.evaluation.keys), ["stored", "zero", "online"])
        XCTAssertEqual(try ToolRunner.run(["regress", "check", out.path]).status, 0)
        let update = try ToolRunner.run(["regress", "update", out.path])
        XCTAssertEqual(update.status, 0, update.stderr)
        XCTAssertTrue(update.stdout.contains("0 of "), update.stdout)
        XCTAssertEqual(try GoldenCaseFile.read(out), golden)
        try checkAgainstTheSchema([out, Self.goldens.appendingPathComponent("checkpoint-hebb-yoked.json")])

        let model = folder.appendingPathComponent("m.h5")
        assertOneLineError(try ToolRunner.run(["regress", "record", "--model", model.path, "--rule", "oja",
                                               "--out", out.path]), containing: ["--rule", "--model"])
    }

    private func checkAgainstTheSchema(_ cases: [URL]) throws {
        let available = try runExternal("python3", ["-c", "import jsonschema"], in: folder).status == 0
        try requireExternalTool("python3 with jsonschema", isAvailable: available)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(json.load(open(path)), schema, cls=jsonschema.Draft202012Validator)
            print("ok")
            """
        let check = try runExternal("python3", ["-c", script, PackageFiles.url("schemas/golden-v1.schema.json").path]
                                    + cases.map(\.path), in: folder)
        XCTAssertEqual(check.output, "ok\n")
    }
}
