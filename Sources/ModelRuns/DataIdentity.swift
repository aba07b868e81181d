/// What identifies the images a model was evaluated on.
package struct DataIdentity: Equatable, Sendable {
    /// The data set's fingerprint (docs/DATA.md).
    package let fingerprint: String
    /// The side S of its images.
    package let size: Int
    /// The split evaluated.
    package let split: EvaluationSplit
    /// The number of images of the split.
    package let imageCount: Int

    /// An identity from its parts.
    package init(fingerprint: String, size: Int, split: EvaluationSplit, imageCount: Int) {
        self.fingerprint = fingerprint
        self.size = size
        self.split = split
        self.imageCount = imageCount
    }
}
