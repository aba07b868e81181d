import Checksums
import TGSData

/// The fingerprint of a set of masks: SHA-256 over the masks sorted by id, as
/// ``TGSData/DataSetFingerprint`` but without images. For each mask, in the byte order of
/// the ids' UTF-8 encodings: the id's UTF-8 bytes, one 0 byte, then one byte per pixel (0 or
/// 1), row-major.
package enum MaskSetFingerprint {
    /// The lowercase hexadecimal fingerprint of `masks`.
    /// - Complexity: O(total pixels + n log n).
    package static func of(_ masks: [IdentifiedMask]) -> String {
        var hash = SHA256()
        for entry in masks.sorted(by: { IDOrder.precedes($0.id, $1.id) }) {
            hash.update(Array(entry.id.utf8) + [0])
            hash.update(entry.mask.map { $0 != 0 ? 1 : 0 })
        }
        return hash.finalize().hex
    }
}
