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
