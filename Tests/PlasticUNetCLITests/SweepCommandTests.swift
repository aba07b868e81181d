import Foundation
import HDF5Kit
import XCTest

/// `sweep plan`, `sweep run` and `sweep report` on small sweeps of the fixture data: the
/// local executor, runs killed or stopped and run again, the report against `evaluate`,
/// and (where PLASTIC_UNET_REQUIRE_TOOLS=1 says the outside tools are there) a real
/// single-node Slurm.
final class SweepCommandTests: XCTestCase {
    /// 2 variants x 2 seeds, width 4, 1 epoch on the 32 x 32 fixture data.
    private static let small = ["--variants", "hebb-free,oja-free", "--seeds", "2", "--width", "4", "--epochs", "1",
                                "--data", EvaluationFixtures.smallData.path]
    /// One run long enough to be interrupted: width 2, 3 epochs on the 120 images of 101 x 101.
    private static let long = ["--variants", "oja-free", "--seeds", "1", "--width", "2", "--epochs", "3",
                               "--data", PackageFiles.url("fixtures/tgs-120").path]

    private func plan(_ folder: URL, _ arguments: [String]) throws {
        let plan = try ToolRunner.run(["sweep", "plan", "--out", folder.path] + arguments)
        XCTAssertEqual(plan.status, 0, plan.stderr)
    }

    private func runAll(_ folder: URL, jobs: Int) throws {
        let run = try ToolRunner.run(["sweep", "run", folder.path, "--all", "--jobs", "\(jobs)"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    /// The model files of a sweep, by run folder.
    private func modelFiles(_ folder: URL) throws -> [String: Data] {
        let runs = folder.appendingPathComponent("runs")
        var files: [String: Data] = [:]
        for run in try FileManager.default.contentsOfDirectory(atPath: runs.path) {
            files[run] = try Data(contentsOf: runs.appendingPathComponent(run).appendingPathComponent("model.h5"))
        }
        return files
    }

    func testASmallSweepRunsAndItsReportMeansAreTheEvaluationsMeans() throws {
        let folder = try makeTemporaryDirectory(for: self).appendingPathComponent("sweep")
        try plan(folder, Self.small)
        try runAll(folder, jobs: 2)
        let report = folder.appendingPathComponent("report.json"), perImage = folder.appendingPathComponent("images.csv")
        let shown = try ToolRunner.run(["sweep", "report", folder.path, "--json", report.path, "--per-image", perImage.path,
                                        "--plots", folder.appendingPathComponent("plots").path])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.hasPrefix("4 of 4 runs finished"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("missing or failed runs: none"), shown.stdout)
        let results = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)
            .sorted().map { folder.appendingPathComponent("runs/\($0)/result.json") }
        XCTAssertEqual(results.count, 4)
        try SchemaCheck.check("sweep-plan-v2.schema.json", [folder.appendingPathComponent("plan.json")], in: folder)
        try SchemaCheck.check("sweep-result-v2.schema.json", results, in: folder)
        try SchemaCheck.check("sweep-report-v2.schema.json", [report], in: folder)
        // Without folds the per-image rows have no fold: 2 variants x 2 seeds x 3 modes x 2 images.
        let table = try String(contentsOf: perImage, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(table.count, 1 + 2 * 2 * 3 * 2)
        XCTAssertTrue(table.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[4].isEmpty })
        let svg = try String(contentsOf: folder.appendingPathComponent("plots/sweep-scores.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg") && svg.contains("oja-free"))

        // Each row's means are the means over its seeds of what `evaluate --json` says.
        let rows = try XCTUnwrap(EvaluationFixtures.jsonObject(report)["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 6)
        for row in rows {
            let variant = try XCTUnwrap(row["variant"] as? String), mode = try XCTUnwrap(row["trace_mode"] as? String)
            var scores: [Double] = [], best: [Double] = []
            for seed in 1...2 {
                let index = (variant == "hebb-free" ? 0 : 2) + seed - 1
                let model = folder.appendingPathComponent("runs/000\(index)-\(variant)-seed\(seed)/model.h5")
                let json = folder.appendingPathComponent("evaluate-\(index)-\(mode).json")
                let evaluate = try ToolRunner.run(["evaluate", model.path, "--data", EvaluationFixtures.smallData.path,
                                                   "--split", "val", "--trace", mode, "--json", json.path])
                XCTAssertEqual(evaluate.status, 0, evaluate.stderr)
                let evaluation = try EvaluationFixtures.jsonObject(json)
                scores.append(try XCTUnwrap(evaluation["score"] as? Double))
                best.append(try XCTUnwrap((evaluation["sweep"] as? [String: Any])?["best_score"] as? Double))
            }
            let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
            XCTAssertEqual((row["score"] as? [String: Any])?["mean"] as? Double, mean(scores), "\(variant) \(mode)")
            XCTAssertEqual((row["best_score"] as? [String: Any])?["mean"] as? Double, mean(best), "\(variant) \(mode)")
        }
    }

    func testTheExecutorsOrderAndJobsDoNotChangeTheModelFiles() throws {
        let base = try makeTemporaryDirectory(for: self)
        let parallel = base.appendingPathComponent("parallel"), serial = base.appendingPathComponent("serial")
        try plan(parallel, Self.small)
        try plan(serial, Self.small + ["--threads", "2"])
        try runAll(parallel, jobs: 2)
        // One run at a time, last first.
        for index in (0..<4).reversed() {
            let run = try ToolRunner.run(["sweep", "run", serial.path, "--index", "\(index)"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        XCTAssertEqual(try modelFiles(parallel), try modelFiles(serial))
        // Running again does nothing.
        let again = try ToolRunner.run(["sweep", "run", serial.path, "--all"])
        XCTAssertTrue(again.stdout.contains("0 finished now, 4 finished before"), again.stdout)
        XCTAssertTrue(try ToolRunner.run(["sweep", "run", serial.path, "--index", "1"]).stdout.contains("finished already"))
    }

    func testAMissingRunIsListedAndTheRestIsComputed() throws {
        let folder = try makeTemporaryDirectory(for: self).appendingPathComponent("sweep")
        try plan(folder, Self.small)
        try runAll(folder, jobs: 2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("runs/0003-oja-free-seed2/result.json"))
        let report = try ToolRunner.run(["sweep", "report", folder.path, "--markdown"])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertTrue(report.stdout.hasPrefix("3 of 4 runs finished"), report.stdout)
        XCTAssertTrue(report.stdout.contains("run 3 (oja-free, seed 2): missing"), report.stdout)
        XCTAssertTrue(report.stdout.contains("| oja-free | stored | 1 |"), report.stdout)
        XCTAssertTrue(report.stdout.contains("| hebb-free | stored | 2 |"), report.stdout)
        let csv = try ToolRunner.run(["sweep", "report", folder.path, "--csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("variant,trace_mode,seeds,"), csv.stdout)
        XCTAssertTrue(csv.stderr.contains("run 3 (oja-free, seed 2): missing"), csv.stderr)
        assertOneLineError(try ToolRunner.run(["sweep", "report", folder.path, "--baseline", "oja-yoked"]),
                           containing: ["oja-yoked", "not a variant"])
    }

    /// Run 0 of `folder`, sent `signal` once its first checkpoint is written.
    private func interruptedRun(_ folder: URL, signal: Int32) throws -> Process {
        try ToolRunner.interrupted(["sweep", "run", folder.path, "--index", "0"],
                                   once: folder.appendingPathComponent("runs/0000-oja-free-seed1/model.h5"), with: signal)
    }

    func testAKilledOrStoppedRunContinuesToTheSameFiles() throws {
        let base = try makeTemporaryDirectory(for: self)
        let reference = base.appendingPathComponent("reference")
        try plan(reference, Self.long)
        try runAll(reference, jobs: 1)
        let expected = try modelFiles(reference)

        let killed = base.appendingPathComponent("killed")
        try plan(killed, Self.long)
        let victim = try interruptedRun(killed, signal: SIGKILL)
        XCTAssertEqual(victim.terminationReason, .uncaughtSignal)
        try runAll(killed, jobs: 1)
        XCTAssertEqual(try modelFiles(killed), expected)

        let stopped = base.appendingPathComponent("stopped")
        try plan(stopped, Self.long)
        let worker = try interruptedRun(stopped, signal: SIGTERM)
        XCTAssertEqual(worker.terminationReason, .exit)
        XCTAssertEqual(worker.terminationStatus, 2)
        // The checkpoint is of the last step before the signal: an epoch's end when the
        // signal came between epochs, a step within one otherwise.
        let checkpoint = try HDF5File.open(stopped.appendingPathComponent("runs/0000-oja-free-seed1/model.h5"))
        guard case .int64(let epoch)? = try checkpoint.root.group("progress").attribute("epoch") else {
            return XCTFail("no progress attributes")
        }
        try checkpoint.close()
        XCTAssertLessThan(epoch, 3)
        XCTAssertFalse(FileManager.default.fileExists(
            atPath: stopped.appendingPathComponent("runs/0000-oja-free-seed1/result.json").path))
        try runAll(stopped, jobs: 1)
        XCTAssertEqual(try modelFiles(stopped), expected)
    }

    func testBadPlansAndRunsAreOneLineErrors() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let sweep = folder.appendingPathComponent("sweep")
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--variants", "oja-free,hebb"]),
                           containing: ["hebb is not a variant"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--seed", "3"]),
                           containing: ["--seed"])
        assertOneLineError(try ToolRunner.run(["sweep", "run", sweep.path, "--all"]), containing: ["no sweep plan"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--val-fraction", "0"] + Self.small),
                           containing: ["--val-fraction 0.0 leaves no validation image"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--seeds", "1001"]),
                           containing: ["--seeds must be in 1...1000"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--seeds", "2", "--seed-list", "4,5"]),
                           containing: ["--seeds or --seed-list, not both"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--seed-list", "4,x"]),
                           containing: ["--seed-list: x is not a seed"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--slurm-partition", "a\nb"]),
                           containing: ["--slurm-partition"])
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--log-dir", "/tmp/a b"]),
                           containing: ["--log-dir cannot hold spaces"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: sweep.path), "a refused plan writes nothing")
        try plan(sweep, Self.small)
        assertOneLineError(try ToolRunner.run(["sweep", "plan", "--out", sweep.path] + Self.small + ["--epochs", "2"]),
                           containing: ["another sweep's plan"])
        // The same runs with other threads: planned again.
        XCTAssertEqual(try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--threads", "2"] + Self.small).status, 0)
        assertOneLineError(try ToolRunner.run(["sweep", "run", sweep.path, "--index", "4"]),
                           containing: ["no run 4", "0 to 3"])
        assertOneLineError(try ToolRunner.run(["sweep", "run", sweep.path, "--index", "0", "--data",
                                               PackageFiles.url("fixtures/tgs-120").path]),
                           containing: ["not the data of the plan"])
    }

    /// A result is its own run's: another plan's result is refused, not taken as done; a
    /// run that failed before is a failure every time it is asked for.
    func testResultsOfAnotherPlanAndFailedRunsAreNotSuccesses() throws {
        let base = try makeTemporaryDirectory(for: self)
        let first = base.appendingPathComponent("first"), second = base.appendingPathComponent("second")
        try plan(first, Self.small)
        try runAll(first, jobs: 2)
        try plan(second, Self.small + ["--lr", "0.001"])
        let runs = "runs/0000-hebb-free-seed1"
        try FileManager.default.createDirectory(at: second.appendingPathComponent(runs), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: first.appendingPathComponent("\(runs)/result.json"),
                                         to: second.appendingPathComponent("\(runs)/result.json"))
        assertOneLineError(try ToolRunner.run(["sweep", "run", second.path, "--all"]),
                           containing: ["\(runs)/result.json", "another config"])
        // A failed result: exit 1, by index and with --all.
        let result = first.appendingPathComponent("runs/0001-hebb-free-seed2/result.json")
        var object = try EvaluationFixtures.jsonObject(result)
        object["status"] = "failed"
        object["error"] = "step 3: the loss is NaN"
        for key in ["evaluation", "model_sha256", "validation_images"] { object[key] = nil }
        try JSONSerialization.data(withJSONObject: object).write(to: result)
        let again = try ToolRunner.run(["sweep", "run", first.path, "--index", "1"])
        XCTAssertEqual(again.status, 1, again.stdout)
        let all = try ToolRunner.run(["sweep", "run", first.path, "--all"])
        XCTAssertEqual(all.status, 1, all.stdout)
        XCTAssertTrue(all.stdout.contains("3 finished before, 0 left to other processes, 1 failed"), all.stdout)
    }

    func testTheSlurmJobArrayGivesTheLocalExecutorsFiles() throws {
        guard ProcessInfo.processInfo.environment["PLASTIC_UNET_REQUIRE_TOOLS"] == "1" else {
            throw XCTSkip("a real Slurm needs root and PLASTIC_UNET_REQUIRE_TOOLS=1 (.ci/run sets it)")
        }
        let folder = try makeTemporaryDirectory(for: self)
        // The script needs root: through sudo when the tests run as another user.
        let script = PackageFiles.url("scripts/slurm_single_node.sh").path
        let (command, prefix) = getuid() == 0 ? (script, [String]()) : ("sudo", ["-n", script])
        let start = try runExternal(command, prefix + ["start"], in: folder)
        XCTAssertEqual(start.status, 0, start.output)
        defer { _ = try? runExternal(command, prefix + ["stop"], in: folder) }
        let local = folder.appendingPathComponent("local"), slurm = folder.appendingPathComponent("slurm")
        try plan(local, Self.small)
        try plan(slurm, Self.small + ["--program", ToolRunner.executable.path, "--slurm-time", "00:10:00"])
        try runAll(local, jobs: 2)
        let submitted = try runExternal("sbatch", ["--wait", slurm.appendingPathComponent("slurm.sh").path], in: folder)
        XCTAssertEqual(submitted.status, 0, submitted.output)
        XCTAssertEqual(try modelFiles(slurm), try modelFiles(local))
        let logs = try FileManager.default.contentsOfDirectory(atPath: slurm.appendingPathComponent("logs").path)
        XCTAssertEqual(logs.count, 4, "\(logs)")
    }
}
