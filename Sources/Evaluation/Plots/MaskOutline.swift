
/// The outline of a mask as an SVG path: the edges between salt and non-salt pixels (and
/// the image border around salt), in pixel coordinates where pixel (x, y) covers the unit
/// square from (x, y) to (x + 1, y + 1).
package enum MaskOutline {
    /// The path data (`M x y h n` and `M x y v n` segments, each run of edges merged).
    /// - Parameters:
    ///   - mask: `size * size` values, row-major, true for salt.
    ///   - size: S.
    /// - Complexity: O(size²).
    package static func pathData(_ mask: [Bool], size: Int) -> String {
        let salt = { (x: Int, y: Int) in x >= 0 && y >= 0 && x < size && y < size && mask[y * size + x] }
        var segments: [String] = []
        // Horizontal edges on the line y between rows y - 1 and y.
        for y in 0...size {
            var start: Int?
            for x in 0...size {
                let edge = x < size && salt(x, y - 1) != salt(x, y)
                if edge, start == nil { start = x }
                if !edge, let first = start {
                    segments.append("M\(first) \(y)h\(x - first)")
                    start = nil
                }
            }
        }
        // Vertical edges on the line x between columns x - 1 and x.
        for x in 0...size {
            var start: Int?
            for y in 0...size {
                let edge = y < size && salt(x - 1, y) != salt(x, y)
                if edge, start == nil { start = y }
                if !edge, let first = start {
                    segments.append("M\(x) \(first)v\(y - first)")
                    start = nil
                }
            }
        }
        return segments.joined()
    }
}
