import TGSData

/// The scores of a set of images at one mask threshold: the data-set score, the precision
/// at each IoU threshold and the breakdowns by coverage class and by empty truth.
package struct ScoreSummary: Equatable, Sendable {
    /// All the images.
    package let all: GroupScore
    /// For each IoU threshold of ``TGSMetric/thresholds``, the fraction of the images
    /// that pass it.
    package let precision: [Double]
    /// The images of each coverage class 0...10.
    package let coverageClasses: [GroupScore]
    /// The images whose truth has no salt (coverage class 0).
    package let emptyTruth: GroupScore
    /// The images whose truth has salt.
    package let nonEmptyTruth: GroupScore

    /// The summary of `images`.
    /// - Precondition: `images` is not empty.
    /// - Complexity: O(images).
    package init(_ images: [ImageResult]) {
        precondition(!images.isEmpty, "a summary of no image")
        all = GroupScore(images)
        precision = (0..<TGSMetric.thresholdCount).map { k in
            Double(images.count { $0.passedThresholds > k }) / Double(images.count)
        }
        coverageClasses = (0..<CoverageClass.count).map { coverageClass in
            GroupScore(images.lazy.filter { $0.coverageClass == coverageClass })
        }
        emptyTruth = GroupScore(images.lazy.filter { $0.overlap.truthPixels == 0 })
        nonEmptyTruth = GroupScore(images.lazy.filter { $0.overlap.truthPixels > 0 })
    }

    /// The number of images.
    package var imageCount: Int { all.count }
    /// The data-set score: the mean of the images' scores.
    package var score: Double { all.score ?? 0 }
}
