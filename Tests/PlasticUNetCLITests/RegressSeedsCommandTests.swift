import Foundation
import Regression
import XCTest

/// `regress record --seeds`: cases over seeds, exact seed by seed or judged by equivalence
/// margins on the paired differences.
final class RegressSeedsCommandTests: XCTestCase {
    private static let data = GoldenCopies.goldens.appendingPathComponent("../tgs-12-s32").standardizedFileURL.path

    private var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryDirectory(for: self)
    }

    /// Records a width-2, three-epoch recipe over seeds into `name`.json.
    private func record(_ name: String, _ options: [String]) throws -> URL {
        let url = folder.appendingPathComponent(name + ".json")
        let result = try ToolRunner.run(["regress", "record", "--data", Self.data, "--width", "2", "--epochs", "3",
                                         "--out", url.path] + options)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        return url
    }

    /// A copy of the case at `url` named `name`, its recipe's config changed by `change`
    /// and its expected runs kept.
    private func variant(of url: URL, _ name: String, _ change: [String: Any]) throws -> URL {
        var golden = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var recipe = try XCTUnwrap(golden["recipe"] as? [String: Any])
        recipe["config"] = try XCTUnwrap(recipe["config"] as? [String: Any]).merging(change) { $1 }
        golden["recipe"] = recipe
        golden["name"] = name
        let copy = folder.appendingPathComponent(name + ".json")
        try JSONSerialization.data(withJSONObject: golden).write(to: copy)
        return copy
    }

    /// Five seeds with margins on the stored score and the plastic weight's norm: the same
    /// program passes; a recipe one epoch short of the recorded one fails with its
    /// intervals outside; the winograd arithmetic, other bits of the same quality, passes.
    func testAnEquivalenceCasePassesUnchangedFailsOneEpochShortAndPassesUnderWinograd() throws {
        let url = try record("eq", ["--seeds", "5", "--equivalence", "evaluation.stored.score=0.1",
                                    "--equivalence", "tensors[/plastic/w].l2=0.01"])
        try SchemaCheck.check("golden-v2.schema.json", [url], in: folder)
        let golden = try GoldenCaseFile.read(url)
        XCTAssertEqual(golden.formatVersion, 2)
        XCTAssertEqual(golden.runs.map(\.seed), [1, 2, 3, 4, 5])
        XCTAssertEqual(golden.equivalence, ["evaluation.stored.score": 0.1, "tensors[/plastic/w].l2": 0.01])
        XCTAssertEqual(Set(golden.runs.map { $0.results.tensors["/plastic/w"]?.sha256 }).count, 5,
                       "each seed trains its own model")

        let same = try ToolRunner.run(["regress", "check", url.path])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.hasPrefix("pass eq (2 fields)\n"), same.stdout)
        XCTAssertTrue(same.stdout.contains("  tensors[/plastic/w].l2: mean difference 0 over 5 seeds, 95% interval "
                                           + "[0, 0], margin ±0.01: within\n"), same.stdout)

        let short = try ToolRunner.run(["regress", "check", try variant(of: url, "short", ["epochs": 2]).path])
        XCTAssertEqual(short.status, 1, short.stdout + short.stderr)
        XCTAssertTrue(short.stdout.hasPrefix("FAIL short: 2 of 2 fields out of tolerance or margin"), short.stdout)
        for field in ["evaluation.stored.score", "tensors[/plastic/w].l2"] {
            let line = try XCTUnwrap(short.stdout.split(separator: "\n").first { $0.hasPrefix("  \(field): ") })
            XCTAssertTrue(line.hasSuffix(": OUTSIDE"), String(line))
        }

        let winograd = try ToolRunner.run(["regress", "check",
                                           try variant(of: url, "winograd", ["convolution": "winograd"]).path])
        XCTAssertEqual(winograd.status, 0, winograd.stdout + winograd.stderr)
        XCTAssertEqual(winograd.stdout.components(separatedBy: ": within\n").count, 3, winograd.stdout)
    }

    /// An exact case over seeds compares each seed's fields to the bit, naming the seed; a
    /// moved seed is accepted like any pending result.
    func testAnExactCaseOverSeedsComparesEachSeed() throws {
        let url = try record("exact", ["--exact", "--seed-list", "3,5,8,13,21", "--epochs", "1"])
        let golden = try GoldenCaseFile.read(url)
        XCTAssertEqual(golden.runs.map(\.seed), [3, 5, 8, 13, 21])
        let passed = try ToolRunner.run(["regress", "check", url.path])
        XCTAssertEqual(passed.status, 0, passed.stdout + passed.stderr)
        let perSeed = CaseComparison(expected: golden.runs[0].results, obtained: golden.runs[0].results,
                                     tolerances: golden.tolerances, exact: true).fieldCount
        XCTAssertTrue(passed.stdout.hasPrefix("pass exact (\(5 * perSeed) fields)\n"), passed.stdout)

        var nudged = golden
        nudged.runs[2].results.tensors["/plastic/w"]?.l2 *= 1 + 1e-9
        try Data(GoldenCaseFile.text(of: nudged).utf8).write(to: url)
        let failed = try ToolRunner.run(["regress", "check", url.path])
        XCTAssertEqual(failed.status, 1, failed.stdout)
        XCTAssertTrue(failed.stdout.contains("\n  seed[8].tensors[/plastic/w].l2 "), failed.stdout)
        XCTAssertEqual(try ToolRunner.run(["regress", "accept", "exact", folder.path]).status, 0)
        XCTAssertEqual(try GoldenCaseFile.read(url), golden)
    }

    /// Seeds that a case cannot take are refused before anything runs.
    func testSeedOptionsThatCannotMakeACaseAreRefused() throws {
        let out = folder.appendingPathComponent("x.json").path
        for (options, fragment) in [
            (["--seeds", "4"], "5 to 1000 seeds, got 4"),
            (["--seed-list", "1,2,3,4,1"], "names a seed twice"),
            (["--seeds", "5", "--seed", "2"], "--seed"),
            (["--seeds", "5", "--seed-list", "1,2,3,4,5"], "not both"),
            (["--equivalence", "evaluation.stored.score=0.1"], "give --seeds or --seed-list"),
            (["--seeds", "5", "--equivalence", "evaluation.stored.score"], "FIELD=MARGIN"),
            (["--seeds", "5", "--equivalence", "evaluation.stored.score=-1"], "positive margin"),
        ] {
            assertOneLineError(try ToolRunner.run(["regress", "record", "--data", Self.data, "--out", out] + options),
                               containing: [fragment])
        }
        assertOneLineError(try ToolRunner.run(["regress", "record", "--model", out, "--seeds", "5", "--out", out]),
                           containing: ["--model"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
