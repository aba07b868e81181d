import TGSData

/// What the evaluation found for one image.
public struct ImageResult: Equatable, Sendable {
    /// The image's id.
    public let id: String
    /// The coverage class of the true mask, 0...10.
    public let coverageClass: Int
    /// The pixel counts of the predicted mask against the true one.
    public let overlap: MaskOverlap
    /// The binary cross-entropy of the probabilities against the truth; nil when the
    /// prediction is a mask without probabilities.
    public let loss: Double?

    /// The result of image `id`; its coverage class follows from the overlap.
    /// - Parameter pixelCount: the number of pixels of the image (S²).
    public init(id: String, overlap: MaskOverlap, pixelCount: Int, loss: Double?) {
        self.id = id
        self.coverageClass = CoverageClass.of(saltPixels: overlap.truthPixels, pixelCount: pixelCount)
        self.overlap = overlap
        self.loss = loss
    }

    /// How many IoU thresholds the image passes, 0...10.
    public var passedThresholds: Int { overlap.passedThresholds }
    /// The image's score, `passedThresholds / 10`.
    public var score: Double { TGSMetric.imageScore(passedThresholds: passedThresholds) }
}
