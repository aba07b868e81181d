import Scoring
import XCTest

/// The metric of docs/MODEL.md §5 on masks whose overlaps are counted by hand.
final class TGSMetricTests: XCTestCase {
    /// A mask of `pixels` pixels from the positions of its salt pixels.
    private func mask(_ salt: Set<Int>, pixels: Int) -> [UInt8] {
        (0..<pixels).map { salt.contains($0) ? 1 : 0 }
    }

    private func prediction(_ salt: Set<Int>, pixels: Int) -> [Bool] {
        (0..<pixels).map { salt.contains($0) }
    }

    private func passed(truth: Set<Int>, predicted: Set<Int>, pixels: Int = 40) -> Int {
        TGSMetric.passedThresholds(truth: mask(truth, pixels: pixels), prediction: prediction(predicted, pixels: pixels))
    }

    func testEmptyTruthAndEmptyPredictionScoreOne() {
        XCTAssertEqual(passed(truth: [], predicted: []), 10)
        XCTAssertEqual(TGSMetric.imageScore(passedThresholds: 10), 1)
    }

    func testExactlyOneEmptySideScoresZero() {
        XCTAssertEqual(passed(truth: [], predicted: [3]), 0)
        XCTAssertEqual(passed(truth: [3], predicted: []), 0)
        XCTAssertEqual(passed(truth: Set(0..<40), predicted: []), 0)
    }

    func testAnIoUOfExactlyOneHalfPassesNoThreshold() {
        // I = 1, U = 2: IoU 0.50 is not above 0.50.
        XCTAssertEqual(passed(truth: [0, 1], predicted: [0]), 0)
        // I = 10, U = 20.
        XCTAssertEqual(passed(truth: Set(0..<20), predicted: Set(0..<10)), 0)
    }

    func testAnIoUOfExactlyPointFiftyFivePassesOnlyTheFirst() {
        // I = 11, U = 20: above 0.50, not above 0.55.
        XCTAssertEqual(passed(truth: Set(0..<20), predicted: Set(0..<11)), 1)
    }

    func testAnIoUOfExactlyThreeQuartersPassesFiveThresholds() {
        // I = 3, U = 4: above 0.50, 0.55, 0.60, 0.65 and 0.70; not above 0.75.
        XCTAssertEqual(passed(truth: [0, 1, 2, 3], predicted: [0, 1, 2]), 5)
        XCTAssertEqual(passed(truth: [0, 1, 2], predicted: [0, 1, 2, 3]), 5)
    }

    func testTheTopThresholdNeedsAnIoUAboveNinetyFivePercent() {
        // I = 19, U = 20 is 0.95 exactly: nine thresholds. I = 20, U = 21 is above: all ten.
        XCTAssertEqual(passed(truth: Set(0..<20), predicted: Set(0..<19)), 9)
        XCTAssertEqual(passed(truth: Set(0..<21), predicted: Set(0..<20)), 10)
    }

    func testOnePixelMasks() {
        XCTAssertEqual(passed(truth: [7], predicted: [7]), 10)
        XCTAssertEqual(passed(truth: [7], predicted: [8]), 0)
        // I = 1, U = 2 again, from a one-pixel truth.
        XCTAssertEqual(passed(truth: [7], predicted: [7, 8]), 0)
    }

    func testTheOverlapCountsEachPixelOnce() {
        let overlap = MaskOverlap(truth: mask([0, 1, 2, 5], pixels: 8), prediction: prediction([2, 5, 6], pixels: 8))
        XCTAssertEqual(overlap, MaskOverlap(truthPixels: 4, predictedPixels: 3, intersection: 2))
        XCTAssertEqual(overlap.union, 5)
        // IoU 0.4.
        XCTAssertEqual(overlap.passedThresholds, 0)
    }

    func testTheMeanScoreIsTheExactRatioRoundedOnce() {
        // Three images passing one threshold each: 3 / 30, which is the double nearest 0.1.
        XCTAssertEqual(TGSMetric.meanScore(totalPassed: 3, imageCount: 3), 0.1)
        XCTAssertEqual(TGSMetric.meanScore(totalPassed: 7, imageCount: 3), 7.0 / 30.0)
    }

    func testTheIoUThresholdsAreTheDecimals() {
        XCTAssertEqual(TGSMetric.thresholds, [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])
    }
}
