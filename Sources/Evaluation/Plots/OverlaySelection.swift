import Scoring

/// The images an overlay sheet shows: a deterministic sample spread over the coverage
/// classes.
package enum OverlaySelection {
    /// Up to `limit` of `images`: the classes take turns (0 through 10, again and again)
    /// in claiming one more image while they have any left; each class then shows images
    /// evenly spaced through its members in id order. The result is ordered by class, then id.
    /// - Parameter images: the results, in id order.
    package static func choose(_ images: [ImageResult], limit: Int) -> [ImageResult] {
        var members: [Int: [ImageResult]] = [:]
        for image in images { members[image.coverageClass, default: []].append(image) }
        let classes = members.keys.sorted()
        var quota = [Int: Int]()
        var left = min(limit, images.count)
        while left > 0 {
            for coverageClass in classes where left > 0 && quota[coverageClass, default: 0] < members[coverageClass, default: []].count {
                quota[coverageClass, default: 0] += 1
                left -= 1
            }
        }
        return classes.flatMap { coverageClass -> [ImageResult] in
            let group = members[coverageClass, default: []], count = quota[coverageClass, default: 0]
            return (0..<count).map { group[(2 * $0 + 1) * group.count / (2 * count)] }
        }
    }
}
