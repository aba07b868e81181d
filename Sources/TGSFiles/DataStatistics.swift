import TGSData

/// What `data stats` reports about the masks of a data folder.
package struct DataStatistics: Codable, Equatable, Sendable {
    /// The number of samples.
    package let count: Int
    /// The side S of the masks.
    package let size: Int
    /// Where S came from.
    package let sizeSource: TrainMasks.SizeSource
    /// The number of masks without salt.
    package let emptyCount: Int
    /// `emptyCount / count` (0 for no samples).
    package let emptyFraction: Double
    /// The number of masks in each coverage class 0...10.
    package let coverageClasses: [Int]
    /// The number of samples with a depth.
    package let depthCount: Int
    /// The smallest depth, nil without depths.
    package let depthMinimum: Double?
    /// The largest depth, nil without depths.
    package let depthMaximum: Double?

    /// The statistics of `masks`.
    /// - Complexity: O(count · S²).
    package init(_ masks: TrainMasks) {
        var classes = [Int](repeating: 0, count: CoverageClass.count)
        for entry in masks.entries { classes[CoverageClass.of(mask: entry.mask)] += 1 }
        count = masks.entries.count
        size = masks.size
        sizeSource = masks.sizeSource
        emptyCount = classes[0]
        emptyFraction = count > 0 ? Double(classes[0]) / Double(count) : 0
        coverageClasses = classes
        depthCount = masks.depths.count
        depthMinimum = masks.depths.values.min()
        depthMaximum = masks.depths.values.max()
    }

    enum CodingKeys: String, CodingKey {
        case count, size
        case sizeSource = "size_source"
        case emptyCount = "empty_count"
        case emptyFraction = "empty_fraction"
        case coverageClasses = "coverage_classes"
        case depthCount = "depth_count"
        case depthMinimum = "depth_min"
        case depthMaximum = "depth_max"
    }
}
