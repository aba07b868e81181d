/// The pixel counts of a predicted mask against the true one: all the TGS score needs.
package struct MaskOverlap: Equatable, Sendable {
    /// |T|, the true salt pixels.
    package let truthPixels: Int
    /// |P|, the predicted salt pixels.
    package let predictedPixels: Int
    /// |T ∩ P|.
    package let intersection: Int

    /// The overlap of the given counts.
    /// - Precondition: `0 <= intersection <= min(truthPixels, predictedPixels)`.
    package init(truthPixels: Int, predictedPixels: Int, intersection: Int) {
        precondition(intersection >= 0 && intersection <= min(truthPixels, predictedPixels),
                     "the intersection must fit in both masks")
        self.truthPixels = truthPixels
        self.predictedPixels = predictedPixels
        self.intersection = intersection
    }

    /// The overlap of `prediction` with `truth` (a pixel is true when its value is not 0).
    /// - Precondition: both have the same number of pixels.
    /// - Complexity: O(pixels).
    package init(truth: [UInt8], prediction: [Bool]) {
        precondition(truth.count == prediction.count, "truth and prediction must have the same pixels")
        var truthPixels = 0, predictedPixels = 0, intersection = 0
        for (t, p) in zip(truth, prediction) {
            let isTrue = t != 0
            if isTrue { truthPixels += 1 }
            if p { predictedPixels += 1 }
            if isTrue && p { intersection += 1 }
        }
        self.init(truthPixels: truthPixels, predictedPixels: predictedPixels, intersection: intersection)
    }

    /// |T ∪ P|.
    package var union: Int { truthPixels + predictedPixels - intersection }

    /// How many of the ten IoU thresholds the prediction passes (``TGSMetric``).
    package var passedThresholds: Int {
        TGSMetric.passedThresholds(intersection: intersection, union: union, truthIsEmpty: truthPixels == 0,
                                   predictionIsEmpty: predictedPixels == 0)
    }
}
