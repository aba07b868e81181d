import RandomStreams

/// The difference of a variant to the baseline image by image: the mean of
/// `variant − baseline` over every image of every seed both scored, and a 95% interval from
/// a seeded two-level bootstrap that resamples the seeds, then the images within each seed
/// drawn. It is about the data set's images: it says how sure the difference is on these
/// images with other seeds, not on images from elsewhere.
package struct ImagePairedDifference: Equatable, Sendable {
    /// The number of bootstrap resamples.
    package static let resamples = PairedDifference.resamples

    /// The seeds both scored, in order.
    package let seeds: [UInt64]
    /// The number of (seed, image) pairs.
    package let pairs: Int
    /// The mean difference over the pairs.
    package let mean: Double
    /// The 2.5th percentile of the resampled means.
    package let low: Double
    /// The 97.5th percentile of the resampled means.
    package let high: Double

    /// The difference of `values` to `baseline`, each a score by image id by seed, over the
    /// seeds both have and, within a seed, the images both have; nil when there is no such
    /// pair.
    ///
    /// The pairs of a seed are taken in the order of their ids (`<`). Each resample draws,
    /// from the one stream `RandomStream(seed: 1, name: streamName)`, as many seeds as there
    /// are (`nextInt(below:)` over the seeds in order, with replacement), and for each seed
    /// drawn as many of its pairs as it has (with replacement); its value is the mean of all
    /// the pairs drawn. The interval runs from the 251st to the 9,750th of the 10,000
    /// resampled means in increasing order (indices 250 and 9,749), as ``PairedDifference``'s.
    package init?(_ values: [UInt64: [String: Double]], baseline: [UInt64: [String: Double]], streamName: String) {
        var differences: [[Double]] = []
        var seeds: [UInt64] = []
        for seed in values.keys.sorted() {
            guard let scores = values[seed], let reference = baseline[seed] else { continue }
            let ids = scores.keys.filter { reference[$0] != nil }.sorted()
            guard !ids.isEmpty else { continue }
            seeds.append(seed)
            differences.append(ids.map { scores[$0]! - reference[$0]! })
        }
        guard !seeds.isEmpty else { return nil }
        self.seeds = seeds
        pairs = differences.reduce(0) { $0 + $1.count }
        mean = differences.reduce(0.0) { $0 + $1.reduce(0, +) } / Double(pairs)
        var stream = RandomStream(seed: 1, name: streamName)
        let means = (0..<Self.resamples).map { _ in
            var total = 0.0, count = 0
            for _ in differences.indices {
                let drawn = differences[stream.nextInt(below: differences.count)]
                for _ in drawn.indices { total += drawn[stream.nextInt(below: drawn.count)] }
                count += drawn.count
            }
            return total / Double(count)
        }.sorted()
        low = means[Int(0.025 * Double(Self.resamples))]
        high = means[Int(0.975 * Double(Self.resamples)) - 1]
    }
}
