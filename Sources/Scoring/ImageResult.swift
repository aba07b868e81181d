import TGSData

/// What the evaluation found for one image.
package struct ImageResult: Equatable, Sendable {
    /// The image's id.
    package let id: String
    /// The coverage class of the true mask, 0...10.
    package let coverageClass: Int
    /// The pixel counts of the predicted mask against the true one.
    package let overlap: MaskOverlap
    /// The binary cross-entropy of the probabilities against the truth; nil when the
    /// prediction is a mask without probabilities.
    package let loss: Double?
    /// How many IoU thresholds the image passes at each mask threshold of the threshold
    /// sweep (``ThresholdSweep/passedThresholds(probabilities:truth:)``); nil when the
    /// prediction is a mask without probabilities.
    package let sweepPassed: [Int]?

    /// The result of image `id`; its coverage class follows from the overlap.
    /// - Parameter pixelCount: the number of pixels of the image (S²).
    package init(id: String, overlap: MaskOverlap, pixelCount: Int, loss: Double?, sweepPassed: [Int]? = nil) {
        self.id = id
        self.coverageClass = CoverageClass.of(saltPixels: overlap.truthPixels, pixelCount: pixelCount)
        self.overlap = overlap
        self.loss = loss
        self.sweepPassed = sweepPassed
    }

    /// How many IoU thresholds the image passes, 0...10.
    package var passedThresholds: Int { overlap.passedThresholds }
    /// The image's score, `passedThresholds / 10`.
    package var score: Double { TGSMetric.imageScore(passedThresholds: passedThresholds) }
}
