/// The loops of the plastic head's dense products, for a ``TileKernels`` type to compile
/// for its instruction set (see ``RegisterTile`` for why `path` is an argument).
///
/// Each element of a result is one chain of fused multiply-adds over the inner index in
/// ascending order; the innermost loops run over independent chains of one output row,
/// which the compiler turns into vector instructions without changing any chain.
public enum MatrixRows {
    /// `c[i, j] = c[i, j] + Σ_k a[i, k] · b[k, j]` for k ascending, rows `rows` of c.
    /// - Parameters: `a` is `[·, inner]`, `b` `[inner, columns]`, `c` `[·, columns]`, row-major.
    @inlinable @inline(never)
    public static func product<Path: TileKernels>(_ path: Path.Type, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                                                  c: UnsafeMutablePointer<Float>, rows: Range<Int>, inner: Int,
                                                  columns: Int) {
        for i in rows {
            let output = c + i &* columns
            for k in 0..<inner {
                let factor = a[i &* inner &+ k]
                let source = b + k &* columns
                for j in 0..<columns {
                    output[j] = output[j].addingProduct(factor, source[j])
                }
            }
        }
    }

    /// `c[i, j] = c[i, j] + Σ_r a[r, i] · b[r, j]` for r in `rows` ascending.
    /// - Parameters: `a` is `[·, aColumns]`, `b` `[·, bColumns]`, `c` `[aColumns, bColumns]`, row-major.
    @inlinable @inline(never)
    public static func transposedProduct<Path: TileKernels>(_ path: Path.Type, a: UnsafePointer<Float>,
                                                            b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                                                            rows: Range<Int>, aColumns: Int, bColumns: Int) {
        for r in rows {
            let source = b + r &* bColumns
            for i in 0..<aColumns {
                let factor = a[r &* aColumns &+ i]
                let output = c + i &* bColumns
                for j in 0..<bColumns {
                    output[j] = output[j].addingProduct(factor, source[j])
                }
            }
        }
    }
}
