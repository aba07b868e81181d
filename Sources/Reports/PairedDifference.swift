import RandomStreams

/// The difference of a variant to the baseline over the seeds both finished: each seed's
/// difference, their mean, and a seeded percentile-bootstrap 95% interval of the mean.
package struct PairedDifference: Equatable, Sendable {
    /// The number of bootstrap resamples.
    package static let resamples = 10_000
    /// Below this many seeds the interval is flagged as rough.
    package static let roughBelow = 5

    /// The seeds, in order.
    package let seeds: [UInt64]
    /// variant − baseline, per seed.
    package let differences: [Double]
    /// Their mean.
    package let mean: Double
    /// The 2.5th percentile of the resampled means.
    package let low: Double
    /// The 97.5th percentile of the resampled means.
    package let high: Double

    /// Whether the interval rests on fewer than ``roughBelow`` seeds.
    package var isRough: Bool { seeds.count < Self.roughBelow }

    /// The paired difference of `values` to `baseline` (by seed) over their common seeds,
    /// or nil when they have none. The resampling draws from the stream `streamName`, so
    /// the interval is the same on every run of the report.
    package init?(_ values: [UInt64: Double], baseline: [UInt64: Double], streamName: String) {
        let seeds = values.keys.filter { baseline[$0] != nil }.sorted()
        guard !seeds.isEmpty else { return nil }
        let differences = seeds.map { values[$0]! - baseline[$0]! }
        self.seeds = seeds
        self.differences = differences
        mean = Self.mean(differences)
        var stream = RandomStream(seed: 1, name: streamName)
        let count = differences.count
        let means = (0..<Self.resamples).map { _ in
            Self.mean((0..<count).map { _ in differences[stream.nextInt(below: count)] })
        }.sorted()
        low = means[Int(0.025 * Double(Self.resamples))]
        high = means[Int(0.975 * Double(Self.resamples)) - 1]
    }

    /// The mean of `values` (summed in order).
    /// - Precondition: `values` is not empty.
    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}

/// The mean and the sample standard deviation of a set of scores.
package struct ScoreSpread: Equatable, Sendable {
    /// The mean.
    package let mean: Double
    /// The sample standard deviation (n − 1 in the denominator); nil for one value.
    package let standardDeviation: Double?

    /// The spread of `values`, or nil when there are none.
    package init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let mean = PairedDifference.mean(values)
        self.mean = mean
        guard values.count > 1 else {
            standardDeviation = nil
            return
        }
        let squares = values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = (squares / Double(values.count - 1)).squareRoot()
    }
}
