import Scoring
import XCTest

final class ScoreSummaryTests: XCTestCase {
    /// Results on 10 x 10 images (100 pixels: 4 salt pixels are class 1, 11 are class 2).
    private let images = [
        // Both empty: 10 passed, class 0.
        ImageResult(id: "a", overlap: MaskOverlap(truthPixels: 0, predictedPixels: 0, intersection: 0), pixelCount: 100,
                    loss: nil),
        // Salt predicted on an empty truth: 0 passed, class 0.
        ImageResult(id: "b", overlap: MaskOverlap(truthPixels: 0, predictedPixels: 5, intersection: 0), pixelCount: 100,
                    loss: nil),
        // IoU 3/4: 5 passed, class 1.
        ImageResult(id: "c", overlap: MaskOverlap(truthPixels: 4, predictedPixels: 3, intersection: 3), pixelCount: 100,
                    loss: nil),
        // IoU 10/11 = 0.909: 9 passed, class 2.
        ImageResult(id: "d", overlap: MaskOverlap(truthPixels: 11, predictedPixels: 10, intersection: 10),
                    pixelCount: 100, loss: nil),
    ]

    func testScoresAndBreakdownsCountedByHand() {
        let summary = ScoreSummary(images)
        XCTAssertEqual(images.map(\.coverageClass), [0, 0, 1, 2])
        XCTAssertEqual(images.map(\.passedThresholds), [10, 0, 5, 9])
        XCTAssertEqual(images.map(\.score), [1, 0, 0.5, 0.9])
        XCTAssertEqual(summary.imageCount, 4)
        XCTAssertEqual(summary.score, 0.6)
        // Threshold k is passed by a always, by c for k < 5 and by d for k < 9.
        XCTAssertEqual(summary.precision, [0.75, 0.75, 0.75, 0.75, 0.75, 0.5, 0.5, 0.5, 0.5, 0.25])
        XCTAssertEqual(summary.coverageClasses.map(\.count), [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(summary.coverageClasses[0].score, 0.5)
        XCTAssertEqual(summary.coverageClasses[1].score, 0.5)
        XCTAssertEqual(summary.coverageClasses[2].score, 0.9)
        XCTAssertNil(summary.coverageClasses[3].score)
        XCTAssertEqual(summary.emptyTruth.count, 2)
        XCTAssertEqual(summary.emptyTruth.score, 0.5)
        XCTAssertEqual(summary.nonEmptyTruth.count, 2)
        XCTAssertEqual(summary.nonEmptyTruth.score, 0.7)
    }
}
