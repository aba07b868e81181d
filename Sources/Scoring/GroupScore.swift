/// The images of one group of a breakdown (a coverage class, empty or non-empty truth):
/// how many there are and their mean score.
package struct GroupScore: Equatable, Sendable {
    /// The number of images in the group.
    package let count: Int
    /// The IoU thresholds its images pass, in all.
    package let totalPassed: Int

    /// The group of `images`.
    package init(_ images: some Sequence<ImageResult>) {
        var count = 0, totalPassed = 0
        for image in images {
            count += 1
            totalPassed += image.passedThresholds
        }
        self.count = count
        self.totalPassed = totalPassed
    }

    /// The mean score of the group's images; nil for an empty group.
    package var score: Double? {
        count > 0 ? TGSMetric.meanScore(totalPassed: totalPassed, imageCount: count) : nil
    }
}
