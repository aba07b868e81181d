/// What identifies the images a model was evaluated on.
public struct DataIdentity: Equatable, Sendable {
    /// The data set's fingerprint (docs/DATA.md).
    public let fingerprint: String
    /// The side S of its images.
    public let size: Int
    /// The split evaluated.
    public let split: EvaluationSplit
    /// The number of images of the split.
    public let imageCount: Int

    /// An identity from its parts.
    public init(fingerprint: String, size: Int, split: EvaluationSplit, imageCount: Int) {
        self.fingerprint = fingerprint
        self.size = size
        self.split = split
        self.imageCount = imageCount
    }
}
