import Foundation
import HDF5Kit
import XCTest

/// `plastic-unet diff` on files crafted with h5py (Tests/Python/make_diff_pairs.py) and on
/// model files made by the tool; every JSON report is checked against the schema.
final class DiffCommandTests: XCTestCase {
    private static let pairs = PackageFiles.url("Tests/Python/make_diff_pairs.py")
    private static let reportCheck = PackageFiles.url("Tests/Python/check_diff_report.py")
    private static let schema = PackageFiles.url("schemas/diff-report-v1.schema.json")

    private var folder: URL!
    /// The JSON reports written so far, checked against the schema at the end of each test
    /// (``checkReports()``).
    private var reports: [URL] = []

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
        try requireExternalTool("python3 with h5py, numpy and jsonschema",
                                isAvailable: try runExternal("python3", ["-c", "import h5py, numpy, jsonschema"],
                                                             in: folder).status == 0)
    }

    /// Runs `diff a b --json REPORT` (plus `arguments`) and returns the run and its report.
    private func diff(_ a: String, _ b: String, _ arguments: [String] = []) throws -> (ToolResult, [String: Any]) {
        let report = folder.appendingPathComponent("report-\(reports.count).json")
        let result = try ToolRunner.run(["diff", path(a), path(b), "--json", report.path] + arguments)
        XCTAssertTrue(result.stderr.isEmpty, result.stderr)
        reports.append(report)
        return (result, try EvaluationFixtures.jsonObject(report))
    }

    private func path(_ name: String) -> String {
        name.hasPrefix("/") ? name : folder.appendingPathComponent(name).path
    }

    private func makePairs() throws {
        let made = try runExternal("python3", [Self.pairs.path, folder.path], in: folder)
        XCTAssertEqual(made.output, "ok\n")
    }

    /// Checks every report written so far against the schema.
    private func checkReports() throws {
        guard !reports.isEmpty else { return }
        let check = try runExternal("python3", [Self.reportCheck.path, Self.schema.path] + reports.map(\.path),
                                    in: folder)
        XCTAssertEqual(check.output, "ok\n")
    }

    private func verdict(_ result: ToolResult) -> String {
        String(result.stdout.split(separator: "\n").last ?? "")
    }

    func testOneChangedElementIsFoundAndALargerAtolAcceptsIt() throws {
        try makePairs()
        let (exact, report) = try diff("base.h5", "one_element.h5")
        XCTAssertEqual(exact.status, 1)
        XCTAssertTrue(exact.stdout.contains("/g/x: 1 of 12 elements differ; largest difference 0.5 (relative 0.25); "
                                            + "worst [1, 2]: 1.5 -> 2"), exact.stdout)
        XCTAssertEqual(verdict(exact), "different: 1 of 5 datasets")
        let values = try XCTUnwrap(report["values"] as? [[String: Any]])
        XCTAssertEqual(values.count, 1)
        XCTAssertEqual(values[0]["differing"] as? Int, 1)
        XCTAssertEqual(values[0]["worst"] as? NSDictionary, ["index": [1, 2], "a": 1.5, "b": 2] as NSDictionary)

        let (tolerant, _) = try diff("base.h5", "one_element.h5", ["--atol", "0.5"])
        XCTAssertEqual(tolerant.status, 0, tolerant.stdout)
        XCTAssertEqual(verdict(tolerant), "equal within tolerance")
        let (relative, _) = try diff("base.h5", "one_element.h5", ["--rtol", "0.25"])
        XCTAssertEqual(relative.status, 0, "0.5 <= 0.25 · max(1.5, 2)")
        XCTAssertEqual(try diff("base.h5", "one_element.h5", ["--rtol", "0.24"]).0.status, 1)
        let (same, _) = try diff("base.h5", "same.h5")
        XCTAssertEqual(same.status, 0)
        XCTAssertEqual(verdict(same), "identical")
        try checkReports()
    }

    func testStructureAndMetadataDifferencesAreDifferences() throws {
        try makePairs()
        let cases: [(file: String, line: String)] = [
            ("shape.h5", "/g/x (dataset): shape: [3, 4] -> [4, 3]"),
            ("missing.h5", "/g/n (dataset): only in A"),
            ("attribute.h5", "/g (group): attribute unit: \"m\" -> \"cm\""),
            ("extra_attribute.h5", "/g (group): attribute note: (none) -> 3"),
            ("dtype.h5", "/g/n (dataset): dtype: int64 -> float64"),
        ]
        for (file, line) in cases {
            let (result, report) = try diff("base.h5", file)
            XCTAssertEqual(result.status, 1, file)
            XCTAssertTrue(result.stdout.contains(line), "\(file): \(result.stdout)")
            XCTAssertTrue(verdict(result).hasPrefix("different: "), file)
            XCTAssertEqual((report["verdict"] as? [String: Any])?["status"] as? String, "different")
        }
        let (reversed, _) = try diff("missing.h5", "base.h5")
        XCTAssertTrue(reversed.stdout.contains("/g/n (dataset): only in B"), reversed.stdout)
        let (strings, _) = try diff("base.h5", "strings.h5")
        XCTAssertTrue(strings.stdout.contains(#"/s: 1 of 2 elements differ; worst [1]: "beta" -> "gamma""#),
                      strings.stdout)
        try checkReports()
    }

    func testNaNAgreesWithNaNAtTheSameIndexButNotWithANumber() throws {
        try makePairs()
        let (both, _) = try diff("nan_a.h5", "nan_b.h5")
        XCTAssertEqual(both.status, 0, both.stdout)
        XCTAssertEqual(verdict(both), "identical")
        let (mixed, report) = try diff("nan_a.h5", "base.h5", ["--atol", "1000"])
        XCTAssertEqual(mixed.status, 1, mixed.stdout)
        XCTAssertTrue(mixed.stdout.contains("worst [0, 1]: nan -> 0.25"), mixed.stdout)
        let worst = (report["values"] as? [[String: Any]])?.first?["worst"] as? [String: Any]
        XCTAssertEqual(worst?["a"] as? String, "nan")
        try checkReports()
    }

    func testAChangedConfigKeyIsNamedWithBothValues() throws {
        let model = folder.appendingPathComponent("model.h5")
        try ModelFiles.initialise(model)
        let edited = try runExternal("python3", [Self.pairs.path, "--edit-config", model.path,
                                                 path("faster.h5"), "lr=0.001"], in: folder)
        XCTAssertEqual(edited.output, "ok\n")
        let (result, report) = try diff("model.h5", "faster.h5")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("config (1 key differs)\n  lr: 0.0003 -> 0.001\n"), result.stdout)
        XCTAssertTrue(verdict(result).hasPrefix("different: 0 of "), result.stdout)
        XCTAssertTrue(verdict(result).hasSuffix(" datasets, 1 config key"), result.stdout)
        let config = try XCTUnwrap(report["config"] as? [[String: Any]])
        XCTAssertEqual(config.count, 1)
        XCTAssertEqual(config.first?["key"] as? String, "lr")
        try checkReports()
    }

    func testModelsOfDifferentWidthsGiveAReadableReport() throws {
        try ModelFiles.initialise(folder.appendingPathComponent("narrow.h5"), ["--width", "1", "--size", "32"])
        try ModelFiles.initialise(folder.appendingPathComponent("wide.h5"), ["--width", "2", "--size", "32"])
        let (result, report) = try diff("narrow.h5", "wide.h5")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("/parameters/down1.conv/weight (dataset): shape: [1, 1, 3, 3] -> "
                                             + "[2, 1, 3, 3]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("width: 1 -> 2"), result.stdout)
        XCTAssertTrue(verdict(result).hasSuffix("1 config key"), result.stdout)
        XCTAssertNotNil(report["moved"] as? [[String: Any]], "w and the trace still compare")
        try checkReports()
    }

    func testFilesThatCannotBeComparedExitTwo() throws {
        try makePairs()
        let missing = folder.appendingPathComponent("none.h5").path
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), missing]), containing: [missing])
        let text = folder.appendingPathComponent("text.h5")
        try Data("not hdf5".utf8).write(to: text)
        assertOneLineError(try ToolRunner.run(["diff", text.path, path("base.h5")]), containing: [text.path])
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), path("same.h5"), "--atol", "-1"]),
                           containing: ["--atol"])
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), path("same.h5"), "--only", "g"]),
                           containing: ["--only"])
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), path("same.h5"), "--split", "val"]),
                           containing: ["--data"])
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), path("same.h5"), "--data",
                                               EvaluationFixtures.smallData.path]),
                           containing: [path("base.h5"), "not a plastic-unet model file"])
        let model = folder.appendingPathComponent("model.h5"), damaged = folder.appendingPathComponent("damaged.h5")
        try ModelFiles.initialise(model)
        try FileManager.default.copyItem(at: model, to: damaged)
        let chunk = try XCTUnwrap(try HDF5File.open(damaged).root.dataset("plastic/w").chunkLocations().first)
        var bytes = try Data(contentsOf: damaged)
        bytes[chunk.fileOffset + chunk.byteCount / 2] ^= 0x10
        try bytes.write(to: damaged)
        assertOneLineError(try ToolRunner.run(["diff", model.path, damaged.path]),
                           containing: [damaged.path, "/plastic/w", "Fletcher32 checksum"])
        let report = folder.appendingPathComponent("no/such/report.json").path
        assertOneLineError(try ToolRunner.run(["diff", path("base.h5"), path("same.h5"), "--json", report]),
                           containing: [report])
        try checkReports()
    }

    func testOnlyRestrictsTheComparisonToAPath() throws {
        try makePairs()
        let (result, report) = try diff("base.h5", "attribute.h5", ["--only", "/s"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(verdict(result), "identical")
        XCTAssertEqual((report["datasets"] as? [String: Any])?["count"] as? Int, 1)
        XCTAssertEqual(try diff("base.h5", "attribute.h5", ["--only", "/g"]).0.status, 1)
        try checkReports()
    }

    /// Two checkpoints of one run: the table lists every trainable tensor, with a change
    /// exactly where its values differ (a small network has a few dead units whose tensors
    /// receive no gradient); eta, not learnt, did not move.
    func testTheTensorsOfTwoCheckpointsOfOneRunMoved() throws {
        let data = EvaluationFixtures.smallData.path
        let first = path("epoch1.h5"), second = path("epoch2.h5")
        let train = try ToolRunner.run(["train", "--data", data, "--width", "2", "--epochs", "1", "--rule", "hebb",
                                        "--out", first])
        XCTAssertEqual(train.status, 0, train.stderr)
        let resume = try ToolRunner.run(["train", "--resume", first, "--epochs", "2", "--data", data, "--out", second])
        XCTAssertEqual(resume.status, 0, resume.stderr)
        let (result, report) = try diff("epoch1.h5", "epoch2.h5")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("what moved (B - A, most moved first)"), result.stdout)
        let moved = try XCTUnwrap(report["moved"] as? [[String: Any]])
        let change = Dictionary(uniqueKeysWithValues: moved.map {
            ($0["path"] as? String ?? "", $0["change"] ?? NSNull())
        })
        let trainable = change.keys.filter {
            $0.hasPrefix("/parameters/") || $0 == "/plastic/w" || $0 == "/plastic/alpha"
        }
        XCTAssertEqual(trainable.count, 102, "every convolution's weight and bias, w and alpha")
        let differing = Set((report["datasets"] as? [String: Any])?["differing"] as? [String] ?? [])
        for path in trainable {
            let moved = (change[path] as? Double ?? 0) > 0
            XCTAssertEqual(moved, differing.contains(path), path)
        }
        XCTAssertGreaterThan(trainable.filter(differing.contains).count, 90, "most tensors learnt")
        XCTAssertEqual(change["/plastic/eta"] as? Int, 0, "eta is frozen without --learn-eta")
        XCTAssertNotNil(change["/trace/hebb"])
        XCTAssertEqual(moved.last?["path"] as? String, "/plastic/eta", "the least moved last")
        try checkReports()
    }

    /// `--data`: a model against itself changes nothing; a model whose trace alone is
    /// changed predicts other masks, and that makes the verdict.
    func testBehaviourOnDataCountsTheMasksThatChanged() throws {
        let model = try SharedTrainedModel.url()
        let data = ["--data", EvaluationFixtures.smallData.path]
        let (same, sameReport) = try diff(model.path, model.path, data)
        XCTAssertEqual(same.status, 0, same.stdout)
        XCTAssertEqual(verdict(same), "identical")
        let behaviour = try XCTUnwrap(sameReport["behaviour"] as? [String: Any])
        XCTAssertEqual(behaviour["differing_masks"] as? Int, 0)
        XCTAssertEqual(behaviour["largest_probability_difference"] as? Int, 0)
        XCTAssertEqual(behaviour["score_change"] as? Int, 0)
        XCTAssertEqual(behaviour["image_count"] as? Int, 12)

        let scaled = try runExternal("python3", [Self.pairs.path, "--scale", model.path, path("loud.h5"),
                                                 "/trace/hebb", "5000"], in: folder)
        XCTAssertEqual(scaled.output, "ok\n")
        let (changed, report) = try diff(model.path, "loud.h5", data + ["--threads", "1"])
        XCTAssertEqual(changed.status, 1, changed.stdout)
        let comparison = try XCTUnwrap(report["behaviour"] as? [String: Any])
        let masks = try XCTUnwrap(comparison["differing_masks"] as? Int)
        XCTAssertGreaterThan(masks, 0)
        XCTAssertGreaterThan(comparison["largest_probability_difference"] as? Double ?? 0, 0)
        XCTAssertEqual((report["datasets"] as? [String: Any])?["differing"] as? [String], ["/trace/hebb"])
        XCTAssertTrue(verdict(changed).contains("\(masks) of 12 masks differ"), changed.stdout)
        XCTAssertEqual((comparison["worst"] as? [Any])?.count, min(masks, 5))
        // Within a tolerance wide enough for the trace, the changed masks still make a difference.
        let (tolerant, _) = try diff(model.path, "loud.h5", data + ["--atol", "1e9"])
        XCTAssertEqual(tolerant.status, 1, tolerant.stdout)
        XCTAssertTrue(verdict(tolerant).hasPrefix("different: 0 of "), tolerant.stdout)
        try checkReports()
    }
}
