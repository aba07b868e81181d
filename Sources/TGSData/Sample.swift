/// One training image with its salt mask.
package struct Sample: Equatable, Sendable {
    /// The file-name stem the image and mask are stored under.
    package let id: String
    /// `S * S` intensities, row-major, each `value / (2^bitDepth - 1)` in [0, 1].
    package let image: [Float]
    /// `S * S` labels, row-major: 1 for salt, 0 otherwise.
    package let mask: [UInt8]
    /// The depth from `depths.csv`, or nil when the file has none for this id.
    package let depth: Double?

    /// A sample from its parts.
    package init(id: String, image: [Float], mask: [UInt8], depth: Double?) {
        self.id = id
        self.image = image
        self.mask = mask
        self.depth = depth
    }
}
