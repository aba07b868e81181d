import Foundation
import HDF5Kit
import Kernels
import ModelFile
import XCTest

/// `--convolution direct|winograd`: recorded by `train`, `init`, `regress record` and
/// `sweep plan`, followed by every command that uses a file, overridden by `evaluate` and
/// `predict`. The tests never compare the two arithmetics' numbers with each other: only
/// which one a file records and a report names, and each with itself.
final class ConvolutionCommandTests: XCTestCase {
    private let data = EvaluationFixtures.smallData.path
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    /// Trains a width-2 model for one epoch on the small fixture into `name`, with
    /// `arguments`, and fails the test unless it succeeds.
    @discardableResult
    private func train(_ name: String, _ arguments: [String] = [], file: StaticString = #filePath,
                       line: UInt = #line) throws -> URL {
        let out = folder.appendingPathComponent(name)
        let result = try ToolRunner.run(["train", "--data", data, "--width", "2", "--epochs", "1", "--threads", "2",
                                         "--out", out.path] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return out
    }

    /// The `config` attribute of the model file at `url`.
    private func config(_ url: URL) throws -> String {
        let file = try HDF5File.open(url)
        return try XCTUnwrap(try file.root.attribute("config")?.stringValue)
    }

    private func recorded(_ url: URL) throws -> ConvolutionArithmetic {
        try ModelFileReader.read(url, using: .direct).contents.configuration.model.convolution
    }

    func testTrainAndInitRecordWinogradAndLeaveDirectUnwritten() throws {
        let direct = try train("direct.h5"), explicit = try train("explicit.h5", ["--convolution", "direct"])
        let winograd = try train("winograd.h5", ["--convolution", "winograd"])
        XCTAssertEqual(try Data(contentsOf: explicit), try Data(contentsOf: direct))
        let directConfig = try config(direct)
        XCTAssertFalse(directConfig.contains("convolution"), directConfig)
        XCTAssertEqual(try config(winograd),
                       try config(direct).replacingOccurrences(of: #""alpha":"free","#,
                                                               with: #""alpha":"free","convolution":"winograd","#))
        XCTAssertEqual(try recorded(direct), .direct)
        XCTAssertEqual(try recorded(winograd), .winograd)
        XCTAssertEqual(try ToolRunner.run(["validate", winograd.path]).stdout, "valid\n")
        let shown = try ToolRunner.run(["inspect", winograd.path])
        XCTAssertTrue(shown.stdout.contains(#""convolution" : "winograd""#), shown.stdout)

        let initialised = folder.appendingPathComponent("init.h5")
        try ModelFiles.initialise(initialised, ModelFiles.smallModel + ["--convolution", "winograd"])
        let initialisedConfig = try config(initialised)
        XCTAssertTrue(initialisedConfig.contains(#""convolution":"winograd""#), initialisedConfig)
        let plain = folder.appendingPathComponent("plain.h5")
        try ModelFiles.initialise(plain)
        XCTAssertFalse(try config(plain).contains("convolution"))
    }

    func testAnUnknownArithmeticIsOneLineErrorNamingTheOption() throws {
        let model = try SharedTrainedModel.url()
        let out = folder.appendingPathComponent("out")
        for command in [["train", "--data", data], ["init", "--out", out.path + ".h5"],
                        ["evaluate", model.path, "--data", data],
                        ["predict", model.path, "--images", data + "/train/images", "--out", out.path],
                        ["regress", "record", "--out", out.path + ".json"], ["sweep", "plan", "--out", out.path]] {
            let result = try ToolRunner.run(command + ["--convolution", "fancy"])
            assertOneLineError(result, containing: ["'fancy'", "--convolution", "'direct'", "'winograd'"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// A resumed run keeps its file's arithmetic and refuses `--convolution` as it refuses
    /// every option of the recipe; `--config-from` repeats the recorded one; `--init` takes
    /// its file's unless `--convolution` says otherwise, since it is how the convolutions
    /// compute, not what the parameters are.
    func testResumeConfigFromAndInitFollowTheFilesArithmetic() throws {
        let whole = try train("whole.h5", ["--convolution", "winograd", "--epochs", "2"])
        let stopped = try train("stopped.h5", ["--convolution", "winograd", "--epochs", "2", "--max-steps", "3"])
        let resumed = try ToolRunner.run(["train", "--resume", stopped.path, "--data", data])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try Data(contentsOf: stopped), try Data(contentsOf: whole))
        for value in ["winograd", "direct"] {
            let refused = try ToolRunner.run(["train", "--resume", whole.path, "--data", data, "--epochs", "3",
                                              "--convolution", value])
            assertOneLineError(refused, containing: ["--convolution", "--resume"])
        }

        let repeated = folder.appendingPathComponent("repeated.h5")
        let again = try ToolRunner.run(["train", "--config-from", whole.path, "--data", data, "--out", repeated.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: repeated), try Data(contentsOf: whole))
        let direct = folder.appendingPathComponent("direct.h5")
        let overridden = try ToolRunner.run(["train", "--config-from", whole.path, "--data", data, "--out", direct.path,
                                             "--convolution", "direct", "--max-steps", "1"])
        XCTAssertEqual(overridden.status, 0, overridden.stderr)
        XCTAssertEqual(try recorded(direct), .direct)

        let start = folder.appendingPathComponent("start.h5")
        try ModelFiles.initialise(start, ModelFiles.smallModel + ["--convolution", "winograd"])
        for (arguments, expected) in [([String](), ConvolutionArithmetic.winograd), (["--convolution", "direct"], .direct)] {
            let out = folder.appendingPathComponent("from-init-\(expected).h5")
            let result = try ToolRunner.run(["train", "--init", start.path, "--data", data, "--max-steps", "1",
                                             "--out", out.path] + arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(try recorded(out), expected)
            let replayed = try ToolRunner.run(["reproduce", out.path, "--init", start.path, "--data", data])
            XCTAssertEqual(replayed.status, 0, replayed.stdout + replayed.stderr)
        }
        let conflicting = try ToolRunner.run(["train", "--init", start.path, "--data", data, "--rule", "oja",
                                              "--convolution", "direct", "--out", folder.appendingPathComponent("x.h5").path])
        assertOneLineError(conflicting, containing: ["--rule differ from the architecture of", "start.h5"])
    }

    /// The same weights under both arithmetics: evaluate and predict compute with the
    /// file's arithmetic or the override; the reports name it whenever winograd is
    /// involved, and a direct model's report keeps its bytes.
    func testEvaluateAndPredictOverrideTheRecordedArithmetic() throws {
        let direct = try train("direct.h5"), winograd = try train("winograd.h5", ["--convolution", "winograd"])
        func evaluate(_ model: URL, _ arguments: [String]) throws -> (text: String, report: [String: Any], json: Data) {
            let report = folder.appendingPathComponent("report-\(model.lastPathComponent)-\(arguments.count).json")
            let result = try ToolRunner.run(["evaluate", model.path, "--data", data, "--json", report.path] + arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            try EvaluationFixtures.checkReport(report, in: folder)
            return (result.stdout, try EvaluationFixtures.jsonObject(report), try Data(contentsOf: report))
        }
        let plain = try evaluate(direct, []), explicit = try evaluate(direct, ["--convolution", "direct"])
        XCTAssertEqual(explicit.json, plain.json)
        XCTAssertNil(plain.report["convolution"])
        XCTAssertFalse(plain.text.contains("convolution"), plain.text)

        let cases: [(URL, [String], String, String)] = [
            (direct, ["--convolution", "winograd"], "winograd", "convolution winograd (the model records direct)"),
            (winograd, [], "winograd", "convolution winograd\n"),
            (winograd, ["--convolution", "winograd"], "winograd", "convolution winograd\n"),
            (winograd, ["--convolution", "direct"], "direct", "convolution direct (the model records winograd)"),
        ]
        for (model, arguments, used, line) in cases {
            let run = try evaluate(model, arguments)
            XCTAssertEqual(run.report["convolution"] as? String, used, "\(model.lastPathComponent) \(arguments)")
            XCTAssertTrue(run.text.contains(line), run.text)
        }

        let images = EvaluationFixtures.smallData.appendingPathComponent("train/images")
        for (model, arguments, used) in [(direct, [String](), nil), (direct, ["--convolution", "winograd"], "winograd"),
                                         (winograd, ["--convolution", "direct"], "direct")] {
            let out = folder.appendingPathComponent("masks-\(model.lastPathComponent)-\(used ?? "none")")
            let probabilities = out.appendingPathExtension("h5")
            let result = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out", out.path,
                                             "--probabilities", probabilities.path] + arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout.contains("convolution \(used ?? "")"), used != nil, result.stdout)
            let file = try HDF5File.open(probabilities)
            XCTAssertEqual(try file.root.attribute("convolution")?.stringValue, used)
        }
    }

    func testRegressRecordsAndChecksAWinogradCase() throws {
        let url = folder.appendingPathComponent("oja-free-winograd.json")
        let recorded = try ToolRunner.run(["regress", "record", "--data", data, "--width", "2", "--epochs", "1",
                                           "--rule", "oja", "--alpha", "free", "--convolution", "winograd", "--exact",
                                           "--out", url.path])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(recorded.stdout.contains("case oja-free-winograd, training, exact"), recorded.stdout)
        let golden = try EvaluationFixtures.jsonObject(url)
        let config = try XCTUnwrap((golden["recipe"] as? [String: Any])?["config"] as? [String: Any])
        XCTAssertEqual(config["convolution"] as? String, "winograd")
        try SchemaCheck.check("golden-v1.schema.json", [url], in: folder)
        let checked = try ToolRunner.run(["regress", "check", url.path])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        XCTAssertTrue(checked.stdout.contains("pass oja-free-winograd"), checked.stdout)
    }

    func testSweepPlansWinogradVariants() throws {
        let mixed = folder.appendingPathComponent("mixed"), all = folder.appendingPathComponent("all")
        let common = ["--seeds", "1", "--width", "2", "--epochs", "1", "--data", data]
        for (out, arguments) in [(mixed, ["--variants", "oja-free,oja-free-winograd,none-winograd"]),
                                 (all, ["--convolution", "winograd", "--variants", "none,hebb-free"])] {
            let planned = try ToolRunner.run(["sweep", "plan", "--out", out.path] + common + arguments)
            XCTAssertEqual(planned.status, 0, planned.stderr)
        }
        let plan = try EvaluationFixtures.jsonObject(mixed.appendingPathComponent("plan.json"))
        XCTAssertEqual(plan["variants"] as? [String], ["oja-free", "oja-free-winograd", "none-winograd"])
        let runs = try XCTUnwrap(plan["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.map { ($0["config"] as? [String: Any])?["convolution"] as? String }, [nil, "winograd", "winograd"])
        XCTAssertEqual(runs.map { $0["folder"] as? String }, ["runs/0000-oja-free-seed1", "runs/0001-oja-free-winograd-seed1",
                                                             "runs/0002-none-winograd-seed1"])
        XCTAssertEqual(try EvaluationFixtures.jsonObject(all.appendingPathComponent("plan.json"))["variants"] as? [String],
                       ["none-winograd", "hebb-free-winograd"])
        try SchemaCheck.check("sweep-plan-v2.schema.json", [mixed, all].map { $0.appendingPathComponent("plan.json") },
                              in: folder)

        let twice = try ToolRunner.run(["sweep", "plan", "--out", folder.appendingPathComponent("twice").path,
                                        "--convolution", "winograd", "--variants", "oja-free,oja-free-winograd"] + common)
        assertOneLineError(twice, containing: ["names a variant twice with --convolution winograd"])
        let misplaced = try ToolRunner.run(["sweep", "plan", "--out", folder.appendingPathComponent("bad").path,
                                            "--variants", "oja-free-winograd-learn-eta"] + common)
        assertOneLineError(misplaced, containing: ["oja-free-winograd-learn-eta is not a variant", "[-winograd]"])

        // Run and report the all-winograd sweep: its runs compute as recorded, and the
        // default baseline is hebb-free-winograd.
        let ran = try ToolRunner.run(["sweep", "run", all.path, "--all", "--jobs", "2"])
        XCTAssertEqual(ran.status, 0, ran.stdout + ran.stderr)
        let model = all.appendingPathComponent("runs/0001-hebb-free-winograd-seed1/model.h5")
        XCTAssertEqual(try recorded(model), .winograd)
        let report = try ToolRunner.run(["sweep", "report", all.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.contains("paired difference to hebb-free-winograd"), report.stdout)
    }

    /// A config whose `convolution` is none of the names this version knows is refused with
    /// one line that names the key, the value and the names it knows.
    func testAFileWithAnUnknownArithmeticIsRefused() throws {
        let model = folder.appendingPathComponent("fancy.h5")
        try ModelFiles.initialise(model)
        try ModelFiles.edit(model) { root in
            let config = try XCTUnwrap(try root.attribute("config")?.stringValue)
            try root.setAttribute("config", .string(String(config.dropLast()) + #","convolution":"fancy"}"#))
        }
        let expected = #"bad value "fancy" for "convolution" (this version knows direct, winograd)"#
        for command in [["evaluate", model.path, "--split", "all", "--data", data],
                        ["train", "--init", model.path, "--data", data, "--out", folder.appendingPathComponent("t.h5").path],
                        ["reproduce", model.path, "--data", data]] {
            assertOneLineError(try ToolRunner.run(command), containing: [model.path, expected])
        }
        let validated = try ToolRunner.run(["validate", model.path])
        XCTAssertEqual(validated.status, 1, validated.stderr)
        XCTAssertTrue(validated.stdout.contains("/: attribute config: \(expected)"), validated.stdout)
    }

    /// `diff` and `reproduce` take the arithmetic from the files: two files of the same
    /// weights differ in their config alone, and a winograd run replays as recorded.
    func testDiffAndReproduceUseTheRecordedArithmetic() throws {
        let direct = folder.appendingPathComponent("direct.h5"), winograd = folder.appendingPathComponent("winograd.h5")
        try ModelFiles.initialise(direct, seed: 3)
        try ModelFiles.initialise(winograd, ModelFiles.smallModel + ["--convolution", "winograd"], seed: 3)
        let report = folder.appendingPathComponent("diff.json")
        let compared = try ToolRunner.run(["diff", direct.path, winograd.path, "--json", report.path])
        XCTAssertEqual(compared.status, 1, compared.stderr)
        XCTAssertTrue(compared.stdout.contains("config (1 key differs)\n  convolution: \"direct\" -> \"winograd\""),
                      compared.stdout)
        XCTAssertTrue(compared.stdout.contains("values: all "), compared.stdout)
        let changes = try XCTUnwrap(EvaluationFixtures.jsonObject(report)["config"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["key"] as? String }, ["convolution"])
        XCTAssertEqual(changes.first?["a"] as? String, "direct", "the direct file leaves the key out: its default")
        XCTAssertEqual(changes.first?["b"] as? String, "winograd")
        try SchemaCheck.check("diff-report-v1.schema.json", [report], in: folder)

        let trained = try train("trained.h5", ["--convolution", "winograd", "--epochs", "1"])
        let replayed = try ToolRunner.run(["reproduce", trained.path, "--data", data])
        XCTAssertEqual(replayed.status, 0, replayed.stdout + replayed.stderr)
        XCTAssertTrue(replayed.stdout.contains("reproduced: "), replayed.stdout)
    }
}
