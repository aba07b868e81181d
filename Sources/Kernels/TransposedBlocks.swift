/// Copies of a matrix of floats, transposed four by four in vectors: the layout changes
/// between an image's planes (channels first) and its channels-last rows.
enum TransposedBlocks {
    /// Element (r, k) of the `rows x columns` source (row r at `source + r·sourceStride`,
    /// columns contiguous) goes to element (k, r) of the target (`target + k·targetStride + r`),
    /// plus `addends[k]` where there are addends (one rounded addition; without them a copy
    /// changes no bits). Whole 4 x 4 blocks are transposed in vectors, the rest copied one
    /// by one.
    @inline(__always)
    static func copy(rows: Int, columns: Int, from source: UnsafePointer<Float>, sourceStride: Int,
                     to target: UnsafeMutablePointer<Float>, targetStride: Int,
                     adding addends: UnsafePointer<Float>? = nil) {
        let (wholeRows, wholeColumns) = (rows / 4 * 4, columns / 4 * 4)
        for r in stride(from: 0, to: wholeRows, by: 4) {
            for k in stride(from: 0, to: wholeColumns, by: 4) {
                let load = { (row: Int) in
                    UnsafeRawPointer(source + (r + row) * sourceStride + k).loadUnaligned(as: SIMD4<Float>.self)
                }
                let (r0, r1, r2, r3) = (load(0), load(1), load(2), load(3))
                for column in 0..<4 {
                    var transposed = SIMD4(r0[column], r1[column], r2[column], r3[column])
                    if let addends {
                        transposed += SIMD4(repeating: addends[k + column])
                    }
                    UnsafeMutableRawPointer(target + (k + column) * targetStride + r)
                        .storeBytes(of: transposed, as: SIMD4<Float>.self)
                }
            }
        }
        for r in 0..<rows {
            for k in (r < wholeRows ? wholeColumns : 0)..<columns {
                let element = source[r * sourceStride + k]
                target[k * targetStride + r] = addends.map { element + $0[k] } ?? element
            }
        }
    }
}
