import Scoring
import XCTest

final class ThresholdSweepTests: XCTestCase {
    func testThirtyOneEvenlySpacedThresholdsFromPointThreeToPointSeven() {
        let thresholds = ThresholdSweep.thresholds
        XCTAssertEqual(thresholds.count, 31)
        XCTAssertEqual(thresholds.first, 0.3)
        XCTAssertEqual(thresholds.last, 0.7)
        XCTAssertEqual(thresholds[15], 0.5)
        for (index, threshold) in thresholds.enumerated() {
            XCTAssertEqual(threshold, 0.3 + Double(index) * 0.4 / 30, accuracy: 1e-15)
        }
    }

    func testAnImageCountedByHand() {
        // Probabilities 0.2, 0.45, 0.6, 0.8 over truth 0, 1, 1, 1 (as floats, 0.45 is
        // 0.44999998... and 0.6 is 0.60000002...).
        // θ ≤ 0.4467 (i = 0...11): predicted {1, 2, 3} = truth: all ten thresholds.
        // 0.46 ≤ θ ≤ 0.5933 (i = 12...22): predicted {2, 3}, I = 2, U = 3, IoU 0.667: four.
        // θ ≥ 0.6067 (i = 23...30): predicted {3}, I = 1, U = 3: none.
        let passed = ThresholdSweep.passedThresholds(probabilities: [0.2, 0.45, 0.6, 0.8], truth: [0, 1, 1, 1])
        XCTAssertEqual(passed, [Int](repeating: 10, count: 12) + [Int](repeating: 4, count: 11)
                           + [Int](repeating: 0, count: 8))
    }

    func testAProbabilityEqualToAThresholdIsNotAboveIt() {
        // 0.5 is θ_15 exactly: salt at θ_14 (0.4867), not at θ_15.
        let passed = ThresholdSweep.passedThresholds(probabilities: [0.5], truth: [1])
        XCTAssertEqual(Array(passed[0...14]), [Int](repeating: 10, count: 15))
        XCTAssertEqual(Array(passed[15...]), [Int](repeating: 0, count: 16))
    }

    func testTheSweepAgreesWithThresholdingAtEveryThreshold() {
        // Salt (the first 40 of 64 pixels) spread over 0.35...0.75, the rest over 0.1...0.55.
        let probabilities: [Float] = (0..<64).map { (pixel: Int) -> Float in
            let salt = 0.35 + 0.4 * Double((pixel * 7) % 40) / 40, other = 0.1 + 0.45 * Double((pixel * 5) % 24) / 24
            return Float(pixel < 40 ? salt : other)
        }
        let truth: [UInt8] = (0..<64).map { $0 < 40 ? 1 : 0 }
        let passed = ThresholdSweep.passedThresholds(probabilities: probabilities, truth: truth)
        XCTAssertGreaterThan(Set(passed).count, 4, "the example should exercise several outcomes: \(passed)")
        for (index, threshold) in ThresholdSweep.thresholds.enumerated() {
            let direct = MaskOverlap(truth: truth, prediction: ProbabilityThreshold.mask(probabilities, threshold: threshold))
            XCTAssertEqual(passed[index], direct.passedThresholds, "θ = \(threshold)")
        }
    }

    func testATieGoesToTheSmallestThreshold() {
        var totals = [Int](repeating: 3, count: 31)
        totals[4] = 8
        totals[9] = 8
        totals[20] = 8
        let sweep = ThresholdSweep(totalPassed: totals, imageCount: 2)
        XCTAssertEqual(sweep.bestIndex, 4)
        XCTAssertEqual(sweep.bestThreshold, ThresholdSweep.thresholds[4])
        XCTAssertEqual(sweep.bestScore, 0.4)
        XCTAssertEqual(sweep.scores[0], 0.15)
        XCTAssertEqual(ThresholdSweep(totalPassed: [Int](repeating: 0, count: 31), imageCount: 1).bestThreshold, 0.3)
    }
}
