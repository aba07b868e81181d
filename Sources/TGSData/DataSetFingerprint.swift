import Checksums

/// The fingerprint of a data set: SHA-256 over its samples sorted by id.
///
/// For each sample, in the byte order of the ids' UTF-8 encodings: the id's UTF-8 bytes,
/// one 0 byte, the image as the little-endian bytes of its `Float` (IEEE 754 binary32)
/// values, row-major, then the mask bytes (0 or 1), row-major. Depths are not included.
/// The fingerprint therefore does not depend on the order of `train.csv` nor on how the
/// PNG files encode the pixels (bit depth aside: an 8-bit and a 16-bit file of the same
/// picture give different intensities).
package enum DataSetFingerprint {
    /// The lowercase hexadecimal fingerprint of `samples`.
    /// - Complexity: O(total pixels + n log n).
    package static func of(_ samples: [Sample]) -> String {
        var hash = SHA256()
        for sample in samples.sorted(by: { IDOrder.precedes($0.id, $1.id) }) {
            hash.update(Array(sample.id.utf8) + [0])
            sample.image.map { $0.bitPattern.littleEndian }.withUnsafeBytes { hash.update($0) }
            hash.update(sample.mask)
        }
        return hash.finalize().hex
    }
}
