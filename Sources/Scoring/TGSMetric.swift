/// The TGS Salt score of docs/MODEL.md §5, in integer arithmetic.
///
/// An image passes IoU threshold k (k = 0...9, the thresholds 0.50, 0.55, ..., 0.95) when
/// `20·I > (10 + k)·U`, that is when its IoU is strictly above `0.50 + 0.05k`. An image
/// whose truth and prediction are both empty passes all ten; one where exactly one is
/// empty passes none. The image's score is the fraction of thresholds it passes; a data
/// set's score is the mean of its images' scores.
package enum TGSMetric {
    /// The number of IoU thresholds.
    package static let thresholdCount = 10

    /// The IoU thresholds as decimals, for reports: 0.50, 0.55, ..., 0.95 (each the
    /// nearest double to `(10 + k) / 20`).
    package static let thresholds: [Double] = (0..<thresholdCount).map { Double(10 + $0) / 20 }

    /// How many thresholds an image passes (0...10). Passing is monotone: an image that
    /// passes threshold k passes every smaller one.
    /// - Parameters:
    ///   - truth: the true mask, 0 or 1 per pixel.
    ///   - prediction: the predicted salt pixels.
    /// - Complexity: O(pixels).
    package static func passedThresholds(truth: [UInt8], prediction: [Bool]) -> Int {
        MaskOverlap(truth: truth, prediction: prediction).passedThresholds
    }

    /// How many thresholds an image passes, from its counts.
    package static func passedThresholds(intersection: Int, union: Int, truthIsEmpty: Bool,
                                        predictionIsEmpty: Bool) -> Int {
        if truthIsEmpty && predictionIsEmpty { return thresholdCount }
        if truthIsEmpty || predictionIsEmpty { return 0 }
        return (0..<thresholdCount).filter { k in 20 * intersection > (10 + k) * union }.count
    }

    /// The score of an image that passes `passed` thresholds.
    package static func imageScore(passedThresholds passed: Int) -> Double {
        Double(passed) / Double(thresholdCount)
    }

    /// The mean score of `imageCount` images that pass `totalPassed` thresholds in all:
    /// the exact mean `totalPassed / (10 · imageCount)`, rounded once.
    /// - Precondition: `imageCount > 0`.
    package static func meanScore(totalPassed: Int, imageCount: Int) -> Double {
        precondition(imageCount > 0, "the mean score of no image")
        return Double(totalPassed) / Double(thresholdCount * imageCount)
    }
}
