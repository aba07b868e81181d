import Regression
import XCTest

final class CaseComparisonTests: XCTestCase {
    private let results = GoldenResults(
        epochs: [.init(trainLoss: 0.7, valLoss: 0.6, valScore: 0.5)],
        evaluation: ["stored": .init(score: 0.5, bestThreshold: 0.3, bestScore: 0.6),
                     "zero": .init(score: 0.4, bestThreshold: 0.5, bestScore: 0.4),
                     "online": .init(score: 0.5, bestThreshold: 0.3, bestScore: 0.6)],
        precision: Array(repeating: 0.5, count: 10),
        tensors: ["/plastic/w": .init(shape: [2, 2], sum: 1, l2: 2, min: -1, max: 1.5, sha256: "aa"),
                  "/plastic/eta": .init(shape: [1], sum: 0.01, l2: 0.01, min: 0.01, max: 0.01, sha256: "bb")],
        probabilities: [.init(id: "x", pixels: [.init(row: 0, column: 1, value: 0.25)])])

    private let exact = GoldenTolerances(default: .init(atol: 0, rtol: 0))

    func testIdenticalResultsPassAndEveryFieldIsCounted() {
        let comparison = CaseComparison(expected: results, obtained: results, tolerances: exact, exact: true)
        XCTAssertTrue(comparison.passed)
        // 1 epoch count + 3 epoch fields + 9 evaluation + 10 precision + 2 · 6 tensor fields + 1 pixel.
        XCTAssertEqual(comparison.fieldCount, 36)
        let loose = CaseComparison(expected: results, obtained: results, tolerances: exact, exact: false)
        XCTAssertEqual(loose.fieldCount, 34, "hashes count only in exact cases")
    }

    func testTheLongestMatchingOverrideWins() {
        var obtained = results
        obtained.evaluation["online"]?.score = 0.55
        obtained.evaluation["stored"]?.score = 0.55
        let tolerances = GoldenTolerances(default: .init(atol: 0, rtol: 0),
                                          fields: ["evaluation": .init(atol: 0.1, rtol: 0),
                                                   "evaluation.stored.score": .init(atol: 0.01, rtol: 0)])
        let comparison = CaseComparison(expected: results, obtained: obtained, tolerances: tolerances, exact: true)
        XCTAssertEqual(comparison.failures.map(\.field), ["evaluation.stored.score"])
        let failure = comparison.failures[0]
        XCTAssertEqual(failure.expected, "0.5")
        XCTAssertEqual(failure.obtained, "0.55")
        XCTAssertEqual(failure.absolute ?? 0, 0.05, accuracy: 1e-15)
        XCTAssertEqual(failure.relative ?? 0, 0.05 / 0.55, accuracy: 1e-15)
    }

    func testShapesHashesAndMissingFieldsAreExactAndComeFirst() {
        var obtained = results
        obtained.tensors["/plastic/w"]?.shape = [4]
        obtained.tensors["/plastic/w"]?.sum = 1.5
        obtained.tensors["/plastic/eta"]?.sha256 = "cc"
        obtained.probabilities = []
        obtained.tensors["/trace/hebb"] = results.tensors["/plastic/w"]
        let tolerant = GoldenTolerances(default: .init(atol: 1, rtol: 1))
        let comparison = CaseComparison(expected: results, obtained: obtained, tolerances: tolerant, exact: true)
        XCTAssertEqual(Set(comparison.failures.map(\.field)),
                       ["tensors[/plastic/w].shape", "tensors[/plastic/eta].sha256", "probabilities[x][0,1]",
                        "tensors[/trace/hebb].shape", "tensors[/trace/hebb].sum", "tensors[/trace/hebb].l2",
                        "tensors[/trace/hebb].min", "tensors[/trace/hebb].max", "tensors[/trace/hebb].sha256"])
        XCTAssertNil(comparison.failures.first { $0.field == "probabilities[x][0,1]" }?.obtained)
        XCTAssertNil(comparison.failures.first { $0.field == "tensors[/trace/hebb].l2" }?.expected)
    }

    func testNaNAgreesWithNaNAndTheWorstComeFirst() {
        var expected = results
        expected.epochs[0].valLoss = .nan
        var obtained = expected
        XCTAssertTrue(CaseComparison(expected: expected, obtained: obtained, tolerances: exact, exact: true).passed)
        obtained.precision[0] = 0.51
        obtained.precision[1] = 0.9
        obtained.epochs[0].valLoss = 1
        let comparison = CaseComparison(expected: expected, obtained: obtained, tolerances: exact, exact: true)
        XCTAssertEqual(comparison.failures.map(\.field), ["epochs[0].val_loss", "precision[1]", "precision[0]"])
    }
}
