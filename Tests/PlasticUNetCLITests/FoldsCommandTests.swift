import Foundation
import ModelFile
import RandomStreams
import TGSData
import XCTest

/// Cross-validation from the command line: `train --folds K --fold I` and its errors, and a
/// sweep with folds whose pooled scores, per-image table and incomplete seeds are checked
/// against `predict` and `score` and against a bootstrap computed here.
final class FoldsCommandTests: XCTestCase {
    /// The five folds of one seed on the embedded data: disjoint validation sets that cover
    /// every image once, whose sizes and coverage-class counts differ by at most one, each
    /// fold's training side the other images; the config records folds and fold.
    func testTheFoldsOfASeedPartitionTheImagesStratifiedByCoverageClass() throws {
        let folder = try makeTemporaryDirectory(for: self)
        var validations: [[String]] = []
        for fold in 1...5 {
            let url = folder.appendingPathComponent("fold\(fold).h5")
            let train = try ToolRunner.run(["train", "--width", "1", "--epochs", "0", "--seed", "7", "--folds", "5",
                                            "--fold", "\(fold)", "--out", url.path])
            XCTAssertEqual(train.status, 0, train.stderr)
            let contents = try ModelFileReader.read(url, using: .direct).contents
            XCTAssertEqual(contents.configuration.training.folds, 5)
            XCTAssertEqual(contents.configuration.training.fold, fold)
            let record = try XCTUnwrap(contents.dataset)
            XCTAssertEqual(Set(record.trainIDs).intersection(record.validationIDs), [])
            XCTAssertEqual(record.trainIDs.count + record.validationIDs.count, 120)
            validations.append(record.validationIDs)
        }
        let data = DataSet.embeddedDefault
        XCTAssertEqual(validations.flatMap { $0 }.sorted(), data.samples.map(\.id).sorted(), "every image exactly once")
        XCTAssertEqual(Set(validations.map(\.count)), [24])
        let classOf = Dictionary(uniqueKeysWithValues: data.samples.map { ($0.id, CoverageClass.of(mask: $0.mask)) })
        for coverageClass in 0..<CoverageClass.count {
            let counts = validations.map { ids in ids.filter { classOf[$0] == coverageClass }.count }
            XCTAssertLessThanOrEqual(counts.max()! - counts.min()!, 1, "class \(coverageClass): \(counts)")
        }
    }

    func testFoldOptionsThatCannotBeAreRefusedWithOneLine() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("model.h5").path
        let cases: [([String], String)] = [
            (["--folds", "5", "--fold", "1", "--val-fraction", "0.3"], "--folds and --val-fraction both choose"),
            (["--folds", "1", "--fold", "1"], "--folds must be at least 2, got 1"),
            (["--folds", "121", "--fold", "1"], "--folds 121 is more than the 120 images of the data"),
            (["--folds", "5", "--fold", "6"], "--fold must be in 1...5, got 6"),
            (["--folds", "5", "--fold", "0"], "--fold must be in 1...5, got 0"),
            (["--fold", "2"], "--fold needs --folds"),
            (["--folds", "5"], "--folds 5 needs --fold"),
        ]
        for (arguments, message) in cases {
            let train = try ToolRunner.run(["train", "--width", "1", "--epochs", "0", "--out", out] + arguments)
            XCTAssertEqual(train.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(train.stderr.contains(message), train.stderr)
            XCTAssertEqual(train.stderr.split(separator: "\n").count, 1, train.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        }
        let plans: [([String], String)] = [
            (["--folds", "3", "--fold", "1"], "--fold: a sweep with --folds runs every fold"),
            (["--folds", "3", "--val-fraction", "0.3"], "--folds and --val-fraction both choose"),
            (["--folds", "121"], "--folds 121 is more than the 120 images of the data"),
            (["--folds", "999999999999999999"], "--folds 999999999999999999 is more than the 120 images"),
        ]
        for (arguments, message) in plans {
            let sweep = folder.appendingPathComponent("sweep")
            let plan = try ToolRunner.run(["sweep", "plan", "--out", sweep.path] + arguments)
            XCTAssertEqual(plan.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(plan.stderr.contains(message), plan.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: sweep.path))
        }
    }

    /// A sweep of 2 variants x 2 seeds x 3 folds on the 32 x 32 fixture data: each seed's
    /// pooled score is `score`'s over the union of the three runs' `predict` masks of their
    /// own validation images; the per-image table holds every image once per variant, seed
    /// and trace mode; the per-image interval is the bootstrap computed here from that
    /// table; two reports are the same; and deleting one fold's result makes its seed
    /// incomplete.
    func testAFoldSweepPoolsItsOutOfFoldScores() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let sweep = folder.appendingPathComponent("sweep")
        let data = EvaluationFixtures.smallData
        let plan = try ToolRunner.run(["sweep", "plan", "--out", sweep.path, "--variants", "hebb-free,oja-free",
                                       "--seeds", "2", "--folds", "3", "--width", "2", "--epochs", "2",
                                       "--data", data.path])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(plan.stdout.hasPrefix("planned 12 runs (2 variants x 2 seeds x 3 folds)"), plan.stdout)
        let run = try ToolRunner.run(["sweep", "run", sweep.path, "--all", "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let runs = try FileManager.default.contentsOfDirectory(atPath: sweep.appendingPathComponent("runs").path).sorted()
        XCTAssertEqual(runs.first, "0000-hebb-free-seed1-fold1")
        XCTAssertEqual(runs.last, "0011-oja-free-seed2-fold3")

        let report = folder.appendingPathComponent("report.json"), perImage = folder.appendingPathComponent("images.csv")
        let shown = try ToolRunner.run(["sweep", "report", sweep.path, "--json", report.path, "--per-image", perImage.path])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("incomplete seeds: none"), shown.stdout)
        try SchemaCheck.check("sweep-plan-v2.schema.json", [sweep.appendingPathComponent("plan.json")], in: folder)
        try SchemaCheck.check("sweep-result-v2.schema.json",
                              runs.map { sweep.appendingPathComponent("runs/\($0)/result.json") }, in: folder)
        try SchemaCheck.check("sweep-report-v2.schema.json", [report], in: folder)

        // The pooled score of oja-free, seed 2, stored trace, against predict and score.
        let masks = folder.appendingPathComponent("masks")
        for (offset, fold) in runs.filter({ $0.contains("oja-free-seed2") }).enumerated() {
            let model = sweep.appendingPathComponent("runs/\(fold)/model.h5")
            let images = folder.appendingPathComponent("val\(offset)")
            try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
            for id in try XCTUnwrap(ModelFileReader.read(model, using: .direct).contents.dataset).validationIDs {
                try FileManager.default.copyItem(at: data.appendingPathComponent("train/images/\(id).png"),
                                                 to: images.appendingPathComponent("\(id).png"))
            }
            let predict = try ToolRunner.run(["predict", model.path, "--images", images.path, "--out", masks.path])
            XCTAssertEqual(predict.status, 0, predict.stderr)
        }
        try FileManager.default.removeItem(at: masks.appendingPathComponent("submission.csv"))
        let scored = folder.appendingPathComponent("score.json")
        let score = try ToolRunner.run(["score", "--truth", data.appendingPathComponent("train/masks").path,
                                        "--pred", masks.path, "--json", scored.path])
        XCTAssertEqual(score.status, 0, score.stderr)
        let rows = try XCTUnwrap(EvaluationFixtures.jsonObject(report)["rows"] as? [[String: Any]])
        let stored = try XCTUnwrap(rows.first { $0["variant"] as? String == "oja-free" && $0["trace_mode"] as? String == "stored" })
        let seed2 = try XCTUnwrap((stored["per_seed"] as? [[String: Any]])?.first { $0["seed"] as? Int == 2 })
        XCTAssertEqual(seed2["images"] as? Int, 12)
        XCTAssertEqual(seed2["score"] as? Double, try EvaluationFixtures.jsonObject(scored)["score"] as? Double)

        // The per-image table, and the two-level bootstrap recomputed from it.
        let table = try String(contentsOf: perImage, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        XCTAssertEqual(table.first, ["variant", "seed", "trace", "image", "fold", "score", "coverage_class"])
        XCTAssertEqual(table.count, 1 + 2 * 2 * 3 * 12)
        let difference = try XCTUnwrap(stored["image_difference"] as? [String: Any])
        let expected = Self.imageBootstrap(table.dropFirst(), variant: "oja-free", baseline: "hebb-free", trace: "stored")
        XCTAssertEqual(difference["pairs"] as? Int, 24)
        XCTAssertEqual(difference["mean"] as? Double ?? .nan, expected.mean, accuracy: 1e-12)
        XCTAssertEqual(difference["low"] as? Double, expected.low)
        XCTAssertEqual(difference["high"] as? Double, expected.high)
        let again = folder.appendingPathComponent("again.json")
        XCTAssertEqual(try ToolRunner.run(["sweep", "report", sweep.path, "--json", again.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: report))

        // One fold's result gone: its seed is incomplete and not pooled.
        try FileManager.default.removeItem(at: sweep.appendingPathComponent("runs/\(runs[10])/result.json"))
        let partial = try ToolRunner.run(["sweep", "report", sweep.path, "--json", again.path])
        XCTAssertEqual(partial.status, 0, partial.stderr)
        XCTAssertTrue(partial.stdout.contains("incomplete seeds (not pooled):\n  oja-free seed 2: incomplete (fold 2 missing)"),
                      partial.stdout)
        let partialRows = try XCTUnwrap(EvaluationFixtures.jsonObject(again)["rows"] as? [[String: Any]])
        XCTAssertEqual(partialRows.filter { $0["variant"] as? String == "oja-free" }.map { $0["seeds"] as? Int }, [1, 1, 1])
    }

    /// The per-image interval as the README describes it, from the per-image table: seeds
    /// and images in increasing order, one stream, seeds drawn then images within each.
    private static func imageBootstrap(_ rows: ArraySlice<[String]>, variant: String, baseline: String,
                                       trace: String) -> (mean: Double, low: Double, high: Double) {
        func scores(_ name: String) -> [UInt64: [String: Double]] {
            var byImage: [UInt64: [String: Double]] = [:]
            for row in rows where row[0] == name && row[2] == trace {
                byImage[UInt64(row[1])!, default: [:]][row[3]] = Double(row[5])!
            }
            return byImage
        }
        let values = scores(variant), reference = scores(baseline)
        let differences = values.keys.sorted().map { seed in
            values[seed]!.keys.sorted().map { values[seed]![$0]! - reference[seed]![$0]! }
        }
        let all = differences.flatMap { $0 }
        var stream = RandomStream(seed: 1, name: "bootstrap-images:\(variant):\(trace)")
        var means: [Double] = []
        for _ in 0..<10_000 {
            var total = 0.0, count = 0
            for _ in differences {
                let seed = differences[stream.nextInt(below: differences.count)]
                for _ in seed { total += seed[stream.nextInt(below: seed.count)] }
                count += seed.count
            }
            means.append(total / Double(count))
        }
        means.sort()
        return (all.reduce(0, +) / Double(all.count), means[250], means[9749])
    }
}
