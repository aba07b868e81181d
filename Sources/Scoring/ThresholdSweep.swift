/// The score of a data set at 31 mask thresholds evenly spaced from 0.3 to 0.7 (docs/MODEL.md §5),
/// and the best of them.
package struct ThresholdSweep: Equatable, Sendable {
    /// The mask thresholds θ_i = 0.3 + 0.4·i/30, i = 0...30, evaluated in that order in
    /// double precision (`0.3 + ((0.4 * i) / 30)`).
    package static let thresholds: [Double] = (0...30).map { 0.3 + 0.4 * Double($0) / 30 }

    /// The data-set score at each of ``thresholds``.
    package let scores: [Double]
    /// The index of the best score; on a tie, the smallest threshold.
    package let bestIndex: Int

    /// The sweep of a data set whose images pass `totalPassed[i]` IoU thresholds in all at
    /// mask threshold θ_i.
    /// - Precondition: one total per threshold; `imageCount > 0`.
    package init(totalPassed: [Int], imageCount: Int) {
        precondition(totalPassed.count == Self.thresholds.count, "one total per threshold")
        let scores = totalPassed.map { TGSMetric.meanScore(totalPassed: $0, imageCount: imageCount) }
        self.scores = scores
        // The scores are exact ratios of integers over one denominator: compare the integers.
        bestIndex = totalPassed.max().flatMap { totalPassed.firstIndex(of: $0) } ?? 0
    }

    /// The best threshold.
    package var bestThreshold: Double { Self.thresholds[bestIndex] }
    /// The score at the best threshold.
    package var bestScore: Double { scores[bestIndex] }

    /// How many IoU thresholds one image passes at each mask threshold θ_i.
    ///
    /// Each pixel is counted once, under the number of mask thresholds below its
    /// probability; the masks at every θ_i follow from those counts.
    /// - Parameters:
    ///   - probabilities: Y, one value per pixel.
    ///   - truth: the true mask, 0 or 1 per pixel.
    /// - Returns: 31 counts, each 0...10.
    /// - Complexity: O(pixels · log 31).
    package static func passedThresholds(probabilities: [Float], truth: [UInt8]) -> [Int] {
        precondition(probabilities.count == truth.count, "probabilities and truth must have the same pixels")
        let count = thresholds.count
        // predicted[k], salt[k]: the pixels (all, true ones) above exactly k thresholds.
        var predicted = [Int](repeating: 0, count: count + 1), salt = [Int](repeating: 0, count: count + 1)
        var truthPixels = 0
        for (probability, label) in zip(probabilities, truth) {
            let above = thresholdsBelow(Double(probability))
            predicted[above] += 1
            if label != 0 {
                salt[above] += 1
                truthPixels += 1
            }
        }
        // At θ_i a pixel is salt when more than i thresholds lie below its probability.
        var passed = [Int](repeating: 0, count: count)
        var predictedPixels = 0, intersection = 0
        for index in stride(from: count - 1, through: 0, by: -1) {
            predictedPixels += predicted[index + 1]
            intersection += salt[index + 1]
            passed[index] = MaskOverlap(truthPixels: truthPixels, predictedPixels: predictedPixels,
                                        intersection: intersection).passedThresholds
        }
        return passed
    }

    /// The number of thresholds strictly below `probability` (binary search).
    private static func thresholdsBelow(_ probability: Double) -> Int {
        var low = 0, high = thresholds.count
        while low < high {
            let middle = (low + high) / 2
            if thresholds[middle] < probability { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
