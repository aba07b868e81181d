/// A binary mask and the id of the image it belongs to: a row of a run-length table, a
/// decoded true mask or a predicted one.
package struct IdentifiedMask: Equatable, Sendable {
    /// The image's id.
    package let id: String
    /// `S * S` values, row-major, 1 for salt.
    package let mask: [UInt8]

    /// The mask `mask` of the image `id`.
    package init(id: String, mask: [UInt8]) {
        self.id = id
        self.mask = mask
    }
}
