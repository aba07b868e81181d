/// A set of same-sized square samples, as loaded from a data folder.
package struct DataSet: Equatable, Sendable {
    /// The smallest image side a data set accepts.
    package static let minimumSize = 16

    /// The side S of every image and mask.
    package let size: Int
    /// The samples, in the order of `train.csv`.
    package let samples: [Sample]
    /// The SHA-256 (lowercase hex) of the samples' ids, images and masks, independent of
    /// their order and of how the files encode them (see ``DataSetFingerprint``).
    package let fingerprint: String
    private let positions: [String: Int]

    /// A data set of `samples`, each of `size * size` pixels.
    /// - Precondition: ids are unique and every image and mask has `size * size` values.
    package init(size: Int, samples: [Sample]) {
        precondition(samples.allSatisfy { $0.image.count == size * size && $0.mask.count == size * size },
                     "every image and mask must have size * size values")
        var positions: [String: Int] = [:]
        for (position, sample) in samples.enumerated() {
            precondition(positions.updateValue(position, forKey: sample.id) == nil, "duplicate id \(sample.id)")
        }
        self.size = size
        self.samples = samples
        self.positions = positions
        self.fingerprint = DataSetFingerprint.of(samples)
    }

    /// The sample with `id`, or nil.
    /// - Complexity: O(1).
    package func sample(id: String) -> Sample? {
        positions[id].map { samples[$0] }
    }
}
