import Foundation
import ModelFile
import PlasticUNet
import Sweeps
import Training
import XCTest

final class SweepPlanTests: XCTestCase {
    private func plan() -> SweepPlan {
        let base = RunConfiguration(model: ModelConfiguration(width: 4, size: 32),
                                    training: TrainingOptions(seed: 99, epochs: 2, learningRate: 0.001))
        return SweepPlan(variants: ["none", "oja-free-first-row"].compactMap(SweepVariant.init(name:)), seeds: [3, 1, 7],
                         base: base, data: .init(path: "/data/tgs", fingerprint: "f", size: 32), threads: 2)
    }

    func testRunsGoVariantByVariantEachSeedInOrder() throws {
        let plan = plan()
        XCTAssertEqual(plan.runs.map(\.index), Array(0..<6))
        XCTAssertEqual(plan.runs.map(\.variant), ["none", "none", "none", "oja-free-first-row", "oja-free-first-row",
                                                  "oja-free-first-row"])
        XCTAssertEqual(plan.runs.map(\.seed), [3, 1, 7, 3, 1, 7])
        XCTAssertEqual(plan.runs[4].folder, "runs/0004-oja-free-first-row-seed1")
        let configuration = try plan.configuration(of: plan.runs[4])
        XCTAssertEqual(configuration.model, ModelConfiguration(rule: .oja, alpha: .free, width: 4, size: 32,
                                                               traceRows: .first))
        XCTAssertEqual(configuration.training, TrainingOptions(seed: 1, epochs: 2, learningRate: 0.001))
    }

    /// A winograd variant's runs record `convolution` in their configs and folders; a
    /// direct variant's do not, and a run whose config leaves out its variant's arithmetic
    /// is refused.
    func testAWinogradVariantRecordsItsArithmetic() throws {
        let base = RunConfiguration(model: ModelConfiguration(width: 4, size: 32), training: TrainingOptions(epochs: 1))
        let plan = SweepPlan(variants: ["oja-free", "oja-free-winograd"].compactMap(SweepVariant.init(name:)),
                             seeds: [1], base: base, data: .init(path: nil, fingerprint: "f", size: 32), threads: 1)
        XCTAssertEqual(plan.variants, ["oja-free", "oja-free-winograd"])
        XCTAssertEqual(plan.runs.map(\.folder), ["runs/0000-oja-free-seed1", "runs/0001-oja-free-winograd-seed1"])
        XCTAssertEqual(try plan.runs.map { try plan.configuration(of: $0).model.convolution }, [.direct, .winograd])
        guard case .object(let direct) = plan.runs[0].config, case .object(let winograd) = plan.runs[1].config else {
            return XCTFail("configs are not objects")
        }
        XCTAssertNil(direct["convolution"])
        XCTAssertEqual(winograd["convolution"], .string("winograd"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try plan.write(into: folder)
        XCTAssertEqual(try SweepPlan.read(from: folder), plan)
        let url = folder.appendingPathComponent("plan.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        Self.editConfig(&object, run: 1) { $0["convolution"] = nil }
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        XCTAssertThrowsError(try SweepPlan.read(from: folder)) { error in
            XCTAssertTrue("\(error)".contains("run 1: its config is not of variant oja-free-winograd"), "\(error)")
        }
    }

    func testThePlanRoundTripsThroughItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = plan()
        try plan.write(into: folder)
        XCTAssertEqual(try SweepPlan.read(from: folder), plan)
        // The config of a run is the one a model file of it records.
        let text = try String(contentsOf: folder.appendingPathComponent("plan.json"), encoding: .utf8)
        XCTAssertTrue(text.contains(#""trace_rows" : "first""#), text)
        try Data("{\"format\": \"other\"}".utf8).write(to: folder.appendingPathComponent("plan.json"))
        XCTAssertThrowsError(try SweepPlan.read(from: folder)) { XCTAssertTrue("\($0)".contains("not a sweep plan")) }
        XCTAssertThrowsError(try SweepPlan.read(from: folder.appendingPathComponent("none"))) {
            XCTAssertTrue("\($0)".contains("no sweep plan"))
        }
    }

    /// A plan.json edited by hand is refused where it departs from what `plan` writes,
    /// naming the file and the run.
    func testAHandEditedPlanIsRefusedByRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let edits: [(String, (inout [String: Any]) -> Void)] = [
            ("threads must be at least 1", { $0["threads"] = 0 }),
            ("run 1: its config's size 50", { Self.editConfig(&$0, run: 1) { $0["size"] = 50 } }),
            ("run 2: step-size must be at least 1", { Self.editConfig(&$0, run: 2) { $0["step_size"] = 0 } }),
            ("run 0: its config is not of variant none", { Self.editConfig(&$0, run: 0) { $0["rule"] = "oja" } }),
            ("run 3: its config is not of variant oja-free-first-row with seed 3",
             { Self.editConfig(&$0, run: 3) { $0["seed"] = 4 } }),
            ("run 5: its folder ../escaped is not its own", { Self.editRun(&$0, run: 5) { $0["folder"] = "../escaped" } }),
            ("run 4: index 9", { Self.editRun(&$0, run: 4) { $0["index"] = 9 } }),
        ]
        for (expected, edit) in edits {
            try plan().write(into: folder)
            let url = folder.appendingPathComponent("plan.json")
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            edit(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: url)
            XCTAssertThrowsError(try SweepPlan.read(from: folder), expected) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
                XCTAssertTrue("\(error)".hasPrefix(url.path), "\(error)")
            }
        }
    }

    private static func editRun(_ plan: inout [String: Any], run: Int, _ edit: (inout [String: Any]) -> Void) {
        var runs = plan["runs"] as! [[String: Any]]
        edit(&runs[run])
        plan["runs"] = runs
    }

    private static func editConfig(_ plan: inout [String: Any], run: Int, _ edit: (inout [String: Any]) -> Void) {
        editRun(&plan, run: run) { run in
            var config = run["config"] as! [String: Any]
            edit(&config)
            run["config"] = config
        }
    }

    func testTheSlurmScriptIsAJobArrayOfTheRuns() {
        let script = SlurmScript(program: "/opt/bin/plastic-unet", sweepFolder: "/work/it's here", dataFolder: "/data/tgs",
                                 runs: 14, cpusPerTask: 2, timeLimit: "1-00:00:00", logFolder: "/work/logs",
                                 partition: "long").text
        XCTAssertTrue(script.hasPrefix("#!/bin/bash\n"))
        for line in ["#SBATCH --array=0-13", "#SBATCH --cpus-per-task=2", "#SBATCH --time=1-00:00:00",
                     "#SBATCH --output=/work/logs/%A_%a.out", "#SBATCH --partition=long", "#SBATCH --requeue",
                     #"exec '/opt/bin/plastic-unet' sweep run '/work/it'\''s here' --index "$SLURM_ARRAY_TASK_ID" --data '/data/tgs'"#] {
            XCTAssertTrue(script.split(separator: "\n").contains { $0 == line }, "\(line) not in\n\(script)")
        }
    }
}
