/// The TGS Salt score of MODEL.md §5, in integer arithmetic.
///
/// An image passes IoU threshold k (k = 0...9, the thresholds 0.50, 0.55, ..., 0.95) when
/// `20·I > (10 + k)·U`, that is when its IoU is strictly above `0.50 + 0.05k`. An image
/// whose truth and prediction are both empty passes all ten; one where exactly one is
/// empty passes none. The image's score is the fraction of thresholds it passes; a data
/// set's score is the mean of its images' scores.
public enum TGSMetric {
    /// The number of IoU thresholds.
    public static let thresholdCount = 10

    /// The IoU thresholds as decimals, for reports: 0.50, 0.55, ..., 0.95.
    public static let thresholds: [Double] = (0..<thresholdCount).map { 0.5 + 0.05 * Double($0) }

    /// How many thresholds an image passes (0...10). Passing is monotone: an image that
    /// passes threshold k passes every smaller one.
    /// - Parameters:
    ///   - truth: the true mask, 0 or 1 per pixel.
    ///   - prediction: the predicted salt pixels.
    /// - Complexity: O(pixels).
    public static func passedThresholds(truth: [UInt8], prediction: [Bool]) -> Int {
        var intersection = 0, union = 0
        for (t, p) in zip(truth, prediction) {
            let isTrue = t != 0
            if isTrue && p { intersection += 1 }
            if isTrue || p { union += 1 }
        }
        return passedThresholds(intersection: intersection, union: union,
                                truthIsEmpty: !truth.contains { $0 != 0 }, predictionIsEmpty: !prediction.contains(true))
    }

    /// How many thresholds an image passes, from its counts.
    public static func passedThresholds(intersection: Int, union: Int, truthIsEmpty: Bool,
                                        predictionIsEmpty: Bool) -> Int {
        if truthIsEmpty && predictionIsEmpty { return thresholdCount }
        if truthIsEmpty || predictionIsEmpty { return 0 }
        return (0..<thresholdCount).filter { k in 20 * intersection > (10 + k) * union }.count
    }

    /// The score of an image that passes `passed` thresholds.
    public static func imageScore(passedThresholds passed: Int) -> Double {
        Double(passed) / Double(thresholdCount)
    }
}
