import Regression
import XCTest

/// The comparison of a case over seeds: runs paired by seed, margins judged by the interval
/// of the mean paired difference, the other fields compared only in exact cases.
final class SeedsComparisonTests: XCTestCase {
    private let tolerances = GoldenTolerances(default: .init(atol: 0, rtol: 0))

    /// Runs of the seeds 1... whose stored score is `scores[i]` and plastic weight norm 2.
    private func runs(scores: [Double], norm: Double = 2) -> [GoldenRun] {
        scores.enumerated().map { index, score in
            GoldenRun(seed: UInt64(index + 1), results: GoldenResults(
                epochs: [], evaluation: ["stored": .init(score: score, bestThreshold: 0.5, bestScore: score)],
                precision: [], tensors: ["/plastic/w": .init(shape: [2, 2], sum: 1, l2: norm, min: 0, max: 1,
                                                              sha256: "aa")],
                probabilities: []))
        }
    }

    func testAConstantDifferenceHasThatIntervalAndPassesAWiderMargin() throws {
        let expected = runs(scores: [0.5, 0.6, 0.7, 0.4, 0.5])
        let obtained = runs(scores: [0.51, 0.61, 0.71, 0.41, 0.51], norm: 3)
        let within = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: false,
                                    equivalence: ["evaluation.stored.score": 0.02])
        XCTAssertTrue(within.passed, "the norm moved, but a case with margins that is not exact ignores it")
        XCTAssertEqual(within.fieldCount, 1)
        let difference = try XCTUnwrap(within.equivalences.first?.difference)
        XCTAssertEqual(difference.seeds, [1, 2, 3, 4, 5])
        for value in [difference.mean, difference.low, difference.high] {
            XCTAssertEqual(value, 0.01, accuracy: 1e-12, "every resample of five equal differences has their mean")
        }
        let outside = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: false,
                                     equivalence: ["evaluation.stored.score": 0.005])
        XCTAssertFalse(outside.passed)
        XCTAssertEqual(outside.failureCount, 1)
    }

    func testTheIntervalLiesBetweenTheSmallestAndLargestDifference() throws {
        let expected = runs(scores: [0.5, 0.5, 0.5, 0.5, 0.5])
        let obtained = runs(scores: [0.5, 0.5, 0.5, 0.5, 0.6])
        let comparison = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: false,
                                        equivalence: ["evaluation.stored": 1])
        XCTAssertEqual(comparison.equivalences.map(\.field),
                       ["evaluation.stored.score", "evaluation.stored.best_threshold", "evaluation.stored.best_score"],
                       "a prefix judges every field under it")
        let difference = try XCTUnwrap(comparison.equivalences.first?.difference)
        XCTAssertEqual(difference.mean, 0.02, accuracy: 1e-12)
        XCTAssertGreaterThanOrEqual(difference.low, 0)
        XCTAssertLessThanOrEqual(difference.high, 0.1 + 1e-12)
        XCTAssertLessThan(difference.low, difference.high)
    }

    func testAMarginJudgesOnlyTheNumbersUnderItsPrefix() {
        let expected = runs(scores: [0.5, 0.6, 0.7, 0.4, 0.5])
        let comparison = CaseComparison(expected: expected, obtained: expected, tolerances: tolerances, exact: true,
                                        equivalence: ["tensors[/plastic/w]": 0.1])
        XCTAssertEqual(comparison.equivalences.map(\.field), ["tensors[/plastic/w].sum", "tensors[/plastic/w].l2",
                                                            "tensors[/plastic/w].min", "tensors[/plastic/w].max"])
        XCTAssertTrue(comparison.passed, "the shape and the byte hash are compared seed by seed")
        XCTAssertEqual(comparison.fieldCount, 5 * 6 + 4, "per seed the epoch count, three evaluation numbers, the shape and hash")
    }

    func testAnExactCaseComparesEachSeedAndNamesIt() {
        let expected = runs(scores: [0.5, 0.6, 0.7, 0.4, 0.5])
        var obtained = expected
        obtained[3].results.tensors["/plastic/w"]?.l2 = 2.5
        let comparison = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: true,
                                        equivalence: ["evaluation.stored.score": 0.1])
        XCTAssertEqual(comparison.failures.map(\.field), ["seed[4].tensors[/plastic/w].l2"])
        XCTAssertEqual(comparison.fieldCount, 5 * 9 + 1,
                       "per seed the epoch count, two evaluation numbers and six tensor fields; one field under a margin")
        XCTAssertTrue(comparison.equivalences.allSatisfy(\.passed))
    }

    func testMissingAndExtraSeedsFail() {
        let expected = runs(scores: [0.5, 0.6, 0.7, 0.4, 0.5])
        var obtained = Array(expected.dropFirst())
        obtained.append(GoldenRun(seed: 9, results: expected[0].results))
        let comparison = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: true,
                                        equivalence: [:])
        XCTAssertEqual(Set(comparison.failures.map(\.field)), ["seed[1]", "seed[9]"])
        let judged = CaseComparison(expected: expected, obtained: obtained, tolerances: tolerances, exact: false,
                                    equivalence: ["evaluation.stored.score": 1])
        XCTAssertNil(judged.equivalences.first?.difference, "a seed without the number leaves no interval")
        XCTAssertFalse(judged.passed)
    }
}
