/// A grayscale image: unsigned integer samples of 8 or 16 bits, row-major.
package struct GrayImage: Equatable, Sendable {
    /// The number of columns.
    package let width: Int
    /// The number of rows.
    package let height: Int
    /// Bits per sample: 8 or 16.
    package let bitDepth: Int
    /// `width * height` samples, row by row from the top, each at most ``maximumValue``.
    package let pixels: [UInt16]

    /// An image from its samples.
    /// - Precondition: `bitDepth` is 8 or 16, `pixels.count == width * height` and no
    ///   sample exceeds `2^bitDepth - 1`.
    package init(width: Int, height: Int, bitDepth: Int, pixels: [UInt16]) {
        precondition(bitDepth == 8 || bitDepth == 16, "bit depth must be 8 or 16")
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel count must be width * height")
        let maximum = UInt16((1 << bitDepth) - 1)
        precondition(pixels.allSatisfy { $0 <= maximum }, "a sample exceeds the bit depth")
        self.width = width
        self.height = height
        self.bitDepth = bitDepth
        self.pixels = pixels
    }

    /// An 8-bit image from bytes, row-major.
    /// - Precondition: `bytes.count == width * height`.
    package init(width: Int, height: Int, bytes: [UInt8]) {
        self.init(width: width, height: height, bitDepth: 8, pixels: bytes.map(UInt16.init))
    }

    /// An 8-bit picture of a binary mask: 255 where `mask` is non-zero, else 0.
    /// - Precondition: `mask.count == width * height`.
    package init(width: Int, height: Int, mask: [UInt8]) {
        self.init(width: width, height: height, bytes: mask.map { $0 > 0 ? 255 : 0 })
    }

    /// The largest sample value, `2^bitDepth - 1`.
    package var maximumValue: Int { (1 << bitDepth) - 1 }

    /// Each sample divided by ``maximumValue`` (a value in [0, 1]), row-major.
    /// - Complexity: O(width * height).
    package var normalized: [Float] {
        let scale = Float(maximumValue)
        return pixels.map { Float($0) / scale }
    }

    /// 1 where a sample is above zero, else 0, row-major: the image read as a binary mask.
    package var binaryMask: [UInt8] { pixels.map { $0 > 0 ? 1 : 0 } }
}
