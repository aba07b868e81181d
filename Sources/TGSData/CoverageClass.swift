/// The coverage class of a mask: `ceil(10 * salt pixels / all pixels)`, from 0 (no salt)
/// to 10 (more than 90% salt), in exact integer arithmetic.
package enum CoverageClass {
    /// The number of classes, 0 through 10.
    package static let count = 11

    /// The class of `mask` (a pixel is salt when its value is above 0).
    /// - Complexity: O(n).
    package static func of(mask: [UInt8]) -> Int {
        of(saltPixels: mask.count(where: { $0 > 0 }), pixelCount: mask.count)
    }

    /// The class of a mask with `saltPixels` salt pixels out of `pixelCount`.
    package static func of(saltPixels: Int, pixelCount: Int) -> Int {
        pixelCount > 0 ? (10 * saltPixels + pixelCount - 1) / pixelCount : 0
    }
}
