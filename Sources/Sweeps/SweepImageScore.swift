import Scoring
import TGSData

/// One validation image as a sweep's run scored it in one trace mode (result version 2):
/// what pooling the runs of a seed's folds and comparing variants image by image need,
/// kept as integer counts so that pooled scores are exact.
package struct SweepImageScore: Codable, Equatable, Sendable {
    /// The image's id.
    package let id: String
    /// The coverage class of its true mask, 0...10.
    package let coverageClass: Int
    /// The IoU thresholds it passes at mask threshold 0.5, 0...10.
    package let passed: Int
    /// The IoU thresholds it passes at each mask threshold of the threshold sweep
    /// (``Scoring/ThresholdSweep/thresholds``, 31 of them).
    package let sweepPassed: [Int]
    /// The binary cross-entropy of its probabilities.
    package let loss: Double

    /// An image's score from its parts.
    package init(id: String, coverageClass: Int, passed: Int, sweepPassed: [Int], loss: Double) {
        self.id = id
        self.coverageClass = coverageClass
        self.passed = passed
        self.sweepPassed = sweepPassed
        self.loss = loss
    }

    /// What is wrong with the image's numbers, or nil: `passed`, the class and every count
    /// of the sweep in 0...10, one count per threshold of the sweep, a finite loss of at
    /// least 0.
    var problem: String? {
        let counts = 0...TGSMetric.thresholdCount
        if !counts.contains(passed) { return "image \(id): passed \(passed) is not in 0...10" }
        if !(0..<CoverageClass.count).contains(coverageClass) {
            return "image \(id): coverage_class \(coverageClass) is not in 0...\(CoverageClass.count - 1)"
        }
        if sweepPassed.count != ThresholdSweep.thresholds.count || !sweepPassed.allSatisfy(counts.contains) {
            return "image \(id): sweep_passed is not \(ThresholdSweep.thresholds.count) counts in 0...10"
        }
        if !(loss >= 0 && loss.isFinite) { return "image \(id): loss \(loss) is not a finite number of at least 0" }
        return nil
    }

    /// Its TGS score at mask threshold 0.5.
    package var score: Double { TGSMetric.imageScore(passedThresholds: passed) }

    private enum CodingKeys: String, CodingKey {
        case id, passed, loss
        case coverageClass = "coverage_class"
        case sweepPassed = "sweep_passed"
    }
}
