import Evaluation
import TGSData
import XCTest

final class SubmissionScoringTests: XCTestCase {
    private func entry(_ id: String, _ salt: Set<Int>) -> IdentifiedMask {
        IdentifiedMask(id: id, mask: (0..<16).map { salt.contains($0) ? 1 : 0 })
    }

    func testMasksAreMatchedByIDWhateverTheirOrder() throws {
        let truth = [entry("b", [0, 1, 2, 3]), entry("a", [])]
        let prediction = [entry("a", []), entry("b", [0, 1, 2])]
        let report = try SubmissionScoring.score(truth: truth, prediction: prediction, size: 4, threshold: nil,
                                                 names: (truth: "t.csv", prediction: "p.csv"))
        XCTAssertEqual(report.images.map(\.id), ["a", "b"])
        XCTAssertEqual(report.images.map(\.passedThresholds), [10, 5])
        XCTAssertEqual(report.summary.score, 0.75)
        XCTAssertNil(report.modelPart)
        XCTAssertNil(report.images[0].loss)
    }

    func testMissingIDsAreNamedForEachSide() {
        let truth = [entry("a", []), entry("b", []), entry("c", [])]
        let prediction = [entry("c", []), entry("x", [])]
        XCTAssertThrowsError(try SubmissionScoring.score(truth: truth, prediction: prediction, size: 4, threshold: nil,
                                                         names: (truth: "t.csv", prediction: "p.csv"))) { error in
            XCTAssertEqual("\(error)", "2 ids missing from p.csv: a, b; 1 id missing from t.csv: x")
            XCTAssertEqual(error as? EvaluationError,
                           .differentIDs(missingFromPrediction: ["a", "b"], prediction: "p.csv", missingFromTruth: ["x"],
                                         truth: "t.csv"))
        }
    }

    func testEqualMasksGiveEqualFingerprintsWhateverTheOrder() throws {
        let masks = [entry("b", [1]), entry("a", [2, 3])]
        let report = try SubmissionScoring.score(truth: masks, prediction: masks.reversed(), size: 4, threshold: nil,
                                                 names: (truth: "t", prediction: "p"))
        guard case .submission(let part) = report.subject else { return XCTFail("not a submission report") }
        XCTAssertEqual(part.truthFingerprint, part.predictionFingerprint)
        XCTAssertEqual(part.truthFingerprint.count, 64)
        XCTAssertNotEqual(part.truthFingerprint, MaskSetFingerprint.of([entry("b", [1]), entry("a", [2])]))
        XCTAssertEqual(report.summary.score, 1)
    }
}
