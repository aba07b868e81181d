import Foundation
import PlasticUNet
import Sweeps
import Training
import XCTest

/// Sweeps with folds: the plan's runs and folders, the pooling of a seed's folds from
/// results written here with known image scores, incomplete seeds, and results and plans
/// of version 1.
final class SweepFoldsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func plan(seeds: [UInt64] = [1, 2], folds: Int? = 2) -> SweepPlan {
        SweepPlan(variants: ["hebb-free", "oja-free"].compactMap(SweepVariant.init(name:)), seeds: seeds, folds: folds,
                  base: RunConfiguration(model: ModelConfiguration(width: 2, size: 32), training: TrainingOptions()),
                  data: .init(path: nil, fingerprint: "f", size: 32), threads: 1)
    }

    func testRunsGoVariantBySeedByFoldAndRecordTheirFold() throws {
        let plan = plan()
        XCTAssertEqual(plan.runs.map(\.folder), [
            "runs/0000-hebb-free-seed1-fold1", "runs/0001-hebb-free-seed1-fold2", "runs/0002-hebb-free-seed2-fold1",
            "runs/0003-hebb-free-seed2-fold2", "runs/0004-oja-free-seed1-fold1", "runs/0005-oja-free-seed1-fold2",
            "runs/0006-oja-free-seed2-fold1", "runs/0007-oja-free-seed2-fold2",
        ])
        XCTAssertEqual(plan.runs.map(\.fold), [1, 2, 1, 2, 1, 2, 1, 2])
        let configuration = try plan.configuration(of: plan.runs[5])
        XCTAssertEqual(configuration.training.folds, 2)
        XCTAssertEqual(configuration.training.fold, 2)
        XCTAssertEqual(configuration.training.seed, 1)
        XCTAssertEqual(plan.runs[5].name.description, "run 5 (oja-free, seed 1, fold 2)")
        try plan.write(into: folder)
        XCTAssertEqual(try SweepPlan.read(from: folder), plan)
        XCTAssertNil(self.plan(folds: nil).runs[1].fold)
        XCTAssertEqual(self.plan(folds: nil).runs[1].folder, "runs/0001-hebb-free-seed2")
    }

    /// A plan written before folds (format version 1) is still read.
    func testAVersion1PlanIsRead() throws {
        let plan = plan(folds: nil)
        try plan.write(into: folder)
        let url = folder.appendingPathComponent(SweepPlan.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: #""format_version" : 2"#, with: #""format_version" : 1"#).utf8).write(to: url)
        XCTAssertEqual(try SweepPlan.read(from: folder).formatVersion, 1)
        XCTAssertEqual(try SweepPlan.read(from: folder).runs, plan.runs)
    }

    /// An image that passes `passed` IoU thresholds at 0.5, and `early` at the sweep's
    /// first 10 mask thresholds (below 0.43).
    private func image(_ id: String, _ passed: Int, early: Int, coverageClass: Int = 3) -> SweepImageScore {
        SweepImageScore(id: id, coverageClass: coverageClass, passed: passed,
                        sweepPassed: Array(repeating: early, count: 10) + Array(repeating: passed, count: 21), loss: 0.25)
    }

    private func write(_ run: SweepPlan.Run, images: [SweepImageScore]) throws {
        let runFolder = folder.appendingPathComponent(run.folder)
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
        let mean = Double(images.reduce(0) { $0 + $1.passed }) / Double(10 * images.count)
        let scores = SweepResult.Scores(score: mean, bestScore: mean, bestThreshold: 0.5, loss: 0.25, images: images)
        try SweepResult(finished: run, modelSHA256: String(repeating: "0", count: 64), validationImages: images.count,
                        evaluation: [.stored: scores, .zero: scores, .online: scores])
            .write(to: runFolder.appendingPathComponent(SweepResult.fileName))
    }

    /// Seed 1 of each variant over two folds of two images each. hebb-free passes 10, 0 |
    /// 5, 5 thresholds at 0.5 (pooled 20 of 40: 0.5) and 10, 10 | 10, 10 below 0.43 (1.0,
    /// the best); oja-free passes 10, 10 | 10, 0 (0.75) and 0 everywhere below 0.43 (so its
    /// best is 0.75 at 0.43). Per image, oja-free − hebb-free is 0, +1, +0.5, −0.5: mean
    /// +0.25. Seed 2 of oja-free lacks fold 2 and seed 2 of hebb-free failed fold 1.
    private func sweep() throws -> SweepPlan {
        let plan = plan()
        let images: [Int: [SweepImageScore]] = [
            0: [image("a", 10, early: 10), image("b", 0, early: 10)],
            1: [image("c", 5, early: 10), image("d", 5, early: 10)],
            3: [image("c", 5, early: 10), image("d", 5, early: 10)],
            4: [image("a", 10, early: 0), image("b", 10, early: 0)],
            5: [image("c", 10, early: 0), image("d", 0, early: 0)],
            6: [image("a", 10, early: 0), image("b", 10, early: 0)],
        ]
        for (index, scored) in images { try write(plan.runs[index], images: scored) }
        let failed = folder.appendingPathComponent(plan.runs[2].folder)
        try FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        try SweepResult(failed: plan.runs[2], reason: "step 3: the loss is NaN")
            .write(to: failed.appendingPathComponent(SweepResult.fileName))
        return plan
    }

    func testASeedsFoldsArePooledOverEveryImage() throws {
        let report = try SweepReport(folder: folder, plan: try sweep(), baseline: "hebb-free")
        let hebb = report.rows[0], oja = report.rows[3]
        XCTAssertEqual(report.folds, 2)
        XCTAssertEqual(Array(hebb.seeds.keys), [1], "seed 2 has a failed fold")
        XCTAssertEqual(hebb.scores[1], SweepResult.Scores(score: 0.5, bestScore: 1, bestThreshold: 0.3, loss: 0.25))
        let pooled = try XCTUnwrap(oja.scores[1])
        XCTAssertEqual(pooled.score, 0.75)
        XCTAssertEqual(pooled.bestScore, 0.75)
        XCTAssertEqual(pooled.bestThreshold, 0.3 + 0.4 * 10 / 30)
        XCTAssertEqual(oja.seeds[1]?.images?.map(\.fold), [1, 1, 2, 2])
        XCTAssertEqual(oja.difference[.score]?.differences, [0.25])
        let image = try XCTUnwrap(oja.imageDifference)
        XCTAssertEqual(image.seeds, [1])
        XCTAssertEqual(image.pairs, 4)
        XCTAssertEqual(image.mean, 0.25)
        XCTAssertTrue(image.low >= -0.5 && image.low <= 0.25 && image.high >= 0.25 && image.high <= 1,
                      "\(image.low) \(image.high)")
        XCTAssertEqual(report.incomplete, [
            .init(variant: "hebb-free", seed: 2, missingFolds: [], failedFolds: [1]),
            .init(variant: "oja-free", seed: 2, missingFolds: [2], failedFolds: []),
        ])
        XCTAssertEqual(report.unfinished.map(\.index), [2, 7])
        let text = report.text(style: .plain)
        XCTAssertTrue(text.contains("  run 7 (oja-free, seed 2, fold 2): missing (no result yet)"), text)
        XCTAssertTrue(text.contains("incomplete seeds (not pooled):\n  hebb-free seed 2: incomplete (fold 1 failed)\n"
                                    + "  oja-free seed 2: incomplete (fold 2 missing)"), text)
        XCTAssertEqual(report.perImageCSV.split(separator: "\n").prefix(3), [
            "variant,seed,trace,image,fold,score,coverage_class", "hebb-free,1,stored,a,1,1.0,3",
            "hebb-free,1,stored,b,1,0.0,3",
        ])
        XCTAssertEqual(report.perImageCSV.split(separator: "\n").count, 1 + 2 * 3 * 4)
        XCTAssertEqual(try SweepReport(folder: folder, plan: try sweep(), baseline: "hebb-free").json(), try report.json())
    }

    /// Results whose images cannot be (a short sweep, a count above 10, an id twice) are
    /// refused naming the file; two folds that validated the same image too.
    func testImpossibleImagesAreRefused() throws {
        let plan = try sweep()
        let url = folder.appendingPathComponent(plan.runs[4].folder).appendingPathComponent(SweepResult.fileName)
        let original = try Data(contentsOf: url)
        let edits: [(String, (inout [String: Any]) -> Void)] = [
            ("sweep_passed is not 31 counts", { $0["sweep_passed"] = [1, 2] }),
            ("passed 11 is not in 0...10", { $0["passed"] = 11 }),
            ("an image is listed twice", { $0["id"] = "b" }),
        ]
        for (message, edit) in edits {
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: original) as? [String: Any])
            var evaluation = try XCTUnwrap(object["evaluation"] as? [String: [String: Any]])
            var images = try XCTUnwrap(evaluation["zero"]?["images"] as? [[String: Any]])
            edit(&images[0])
            evaluation["zero"]?["images"] = images
            object["evaluation"] = evaluation
            try JSONSerialization.data(withJSONObject: object).write(to: url)
            XCTAssertThrowsError(try SweepReport(folder: folder, plan: plan, baseline: "hebb-free")) { error in
                XCTAssertTrue("\(error)".hasPrefix(url.path) && "\(error)".contains(message), "\(error)")
            }
        }
        try original.write(to: url)
        try write(plan.runs[5], images: [image("a", 10, early: 0), image("d", 0, early: 0)])
        XCTAssertThrowsError(try SweepReport(folder: folder, plan: plan, baseline: "hebb-free")) { error in
            XCTAssertEqual(error as? SweepError, .imageInTwoFolds(variant: "oja-free", seed: 1, image: "a"))
        }
    }

    /// A plan whose runs are not every fold of every seed once (fold 1 twice, say) is
    /// refused: its report could not pool.
    func testAPlanWithoutEveryFoldIsRefused() throws {
        try plan().write(into: folder)
        let url = folder.appendingPathComponent(SweepPlan.fileName)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var runs = try XCTUnwrap(object["runs"] as? [[String: Any]])
        var config = try XCTUnwrap(runs[1]["config"] as? [String: Any])
        config["fold"] = 1
        runs[1]["config"] = config
        runs[1]["fold"] = 1
        runs[1]["folder"] = "runs/0001-hebb-free-seed1-fold1"
        object["runs"] = runs
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        XCTAssertThrowsError(try SweepPlan.read(from: folder)) { error in
            XCTAssertTrue("\(error)".contains("not the plan's variants x seeds (x folds)"), "\(error)")
        }
    }

    /// A result of version 1 (no images, no fold) still reports, without a per-image
    /// difference or per-image rows.
    func testAVersion1ResultStillReports() throws {
        let plan = plan(seeds: [1], folds: nil)
        for run in plan.runs {
            try write(run, images: [image("a", 10, early: 10)])
            let url = folder.appendingPathComponent(run.folder).appendingPathComponent(SweepResult.fileName)
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            object["format_version"] = 1
            var evaluation = try XCTUnwrap(object["evaluation"] as? [String: [String: Any]])
            for mode in evaluation.keys { evaluation[mode]?["images"] = nil }
            object["evaluation"] = evaluation
            try JSONSerialization.data(withJSONObject: object).write(to: url)
        }
        let report = try SweepReport(folder: folder, plan: plan, baseline: "hebb-free")
        XCTAssertEqual(report.rows[3].scores[1]?.score, 1)
        XCTAssertNil(report.rows[3].imageDifference)
        XCTAssertNotNil(report.rows[3].difference[.score])
        XCTAssertEqual(report.perImageCSV, "variant,seed,trace,image,fold,score,coverage_class\n")
    }
}
