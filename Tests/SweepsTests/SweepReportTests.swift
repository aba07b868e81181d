import Foundation
import PlasticUNet
import Sweeps
import Training
import XCTest

/// The report from result files written here with known scores: counts, means, standard
/// deviations, paired differences, and the runs that are missing or failed.
final class SweepReportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// hebb-free and oja-free with seeds 1, 2, 3; run 2 (hebb-free, seed 3) missing and run
    /// 5 (oja-free, seed 3) failed. Scores at 0.5: hebb-free 0.25 and 0.5, oja-free 0.75 and
    /// 0.5; the best scores are 0.125 higher; the zero mode scores 0.
    private func sweep() throws -> SweepPlan {
        let plan = SweepPlan(variants: ["hebb-free", "oja-free"].compactMap(SweepVariant.init(name:)), seeds: [1, 2, 3],
                             base: RunConfiguration(model: ModelConfiguration(width: 2, size: 32),
                                                    training: TrainingOptions()),
                             data: .init(path: nil, fingerprint: "f", size: 32), threads: 1)
        let scores: [Int: Double] = [0: 0.25, 1: 0.5, 3: 0.75, 4: 0.5]
        for run in plan.runs where run.index != 2 {
            let runFolder = folder.appendingPathComponent(run.folder)
            try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
            let result: SweepResult
            if let score = scores[run.index] {
                let scored = SweepResult.Scores(score: score, bestScore: score + 0.125, bestThreshold: 0.5, loss: 0.3)
                let zero = SweepResult.Scores(score: 0, bestScore: 0, bestThreshold: 0.3, loss: 0.7)
                result = SweepResult(finished: run, modelSHA256: String(repeating: "0", count: 64), validationImages: 4,
                                     evaluation: [.stored: scored, .online: scored, .zero: zero])
            } else {
                result = SweepResult(failed: run, reason: "step 7: the loss is NaN")
            }
            try result.write(to: runFolder.appendingPathComponent(SweepResult.fileName))
        }
        return plan
    }

    func testTheRowsCountAverageAndPairTheFinishedRuns() throws {
        let report = try SweepReport(folder: folder, plan: try sweep(), baseline: "hebb-free")
        XCTAssertEqual(report.rows.map { "\($0.variant) \($0.mode)" },
                       ["hebb-free stored", "hebb-free zero", "hebb-free online",
                        "oja-free stored", "oja-free zero", "oja-free online"])
        let oja = report.rows[3], hebb = report.rows[0]
        XCTAssertEqual(oja.scores.count, 2)
        XCTAssertEqual(hebb.spread[.score]?.mean, 0.375)
        XCTAssertEqual(hebb.spread[.score]?.standardDeviation ?? 0, (0.03125).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(oja.spread[.bestScore]?.mean, 0.75)
        XCTAssertNil(hebb.difference[.score], "the baseline is not compared with itself")
        let difference = try XCTUnwrap(oja.difference[.score])
        XCTAssertEqual(difference.seeds, [1, 2])
        XCTAssertEqual(difference.differences, [0.5, 0])
        XCTAssertEqual(difference.mean, 0.25)
        XCTAssertEqual(report.rows[4].spread[.score]?.mean, 0)
        XCTAssertEqual(report.unfinished.map(\.index), [2, 5])
        XCTAssertNil(report.unfinished[0].failure)
        XCTAssertEqual(report.unfinished[1].failure, "step 7: the loss is NaN")
    }

    func testTheTextListsTheUnfinishedRunsAndTheJSONCarriesEverything() throws {
        let report = try SweepReport(folder: folder, plan: try sweep(), baseline: "hebb-free")
        let text = report.text(style: .plain)
        XCTAssertTrue(text.hasPrefix("4 of 6 runs finished"), text)
        XCTAssertTrue(text.contains("  run 2 (hebb-free, seed 3): missing (no result yet)"), text)
        XCTAssertTrue(text.contains("  run 5 (oja-free, seed 3): failed: step 7: the loss is NaN"), text)
        XCTAssertTrue(text.contains("  oja-free stored: seed 1: +0.500; +0.500, seed 2: 0.000; 0.000"), text)
        let markdown = report.text(style: .markdown)
        XCTAssertTrue(markdown.contains("| oja-free | stored | 2 | 0.625 | 0.177 | 0.750 | 0.177 | +0.250 |"), markdown)
        XCTAssertEqual(report.csv.split(separator: "\n").count, 7)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        XCTAssertEqual(json["finished_runs"] as? Int, 4)
        XCTAssertEqual((json["unfinished"] as? [[String: Any]])?.map { $0["status"] as? String }, ["missing", "failed"])
        XCTAssertTrue(report.plot.contains("oja-free"))
    }

    func testAResultOfAnotherRunIsRefused() throws {
        let plan = try sweep()
        let moved = folder.appendingPathComponent(plan.runs[0].folder).appendingPathComponent(SweepResult.fileName)
        let missing = folder.appendingPathComponent(plan.runs[2].folder)
        try FileManager.default.createDirectory(at: missing, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: moved, to: missing.appendingPathComponent(SweepResult.fileName))
        XCTAssertThrowsError(try SweepReport(folder: folder, plan: plan, baseline: "hebb-free")) {
            XCTAssertTrue("\($0)".contains("the result of run 0"), "\($0)")
            guard case .resultOfOtherRun(_, let found, let expected)? = $0 as? SweepError else {
                return XCTFail("\($0)")
            }
            XCTAssertEqual(found, plan.runs[0].name)
            XCTAssertEqual(expected, plan.runs[2].name)
        }
        XCTAssertThrowsError(try SweepReport(folder: folder, plan: plan, baseline: "none")) {
            XCTAssertTrue("\($0)".contains("not a variant"), "\($0)")
            XCTAssertEqual($0 as? SweepError, .unknownBaseline("none", variants: plan.variants))
        }
    }
}
