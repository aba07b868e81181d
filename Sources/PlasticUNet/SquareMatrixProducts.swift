import Kernels

/// The S x S matrix products of the plastic head, each output element one chain of fused
/// multiply-adds from 0 over the inner index in ascending order (the project's fixed
/// arithmetic; see ``ConvolutionKernels``).
///
/// The loops run the inner index outermost, so that the innermost loop runs over
/// independent chains along a row and vectorises without changing any chain.
enum SquareMatrixProducts {
    /// `a · b`: `c[i,j] = Σ_k a[i,k] b[k,j]`, k ascending.
    /// - Complexity: O(rows · inner · columns).
    static func product(_ a: Tensor, _ b: Tensor) -> Tensor {
        let rows = a.shape[0], inner = a.shape[1], columns = b.shape[1]
        var c = [Float](repeating: 0, count: rows * columns)
        a.scalars.withUnsafeBufferPointer { a in
            b.scalars.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for i in 0..<rows {
                        for k in 0..<inner {
                            let factor = a[i * inner + k]
                            for j in 0..<columns {
                                c[i * columns + j] = c[i * columns + j].addingProduct(factor, b[k * columns + j])
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [rows, columns], scalars: c)
    }

    /// `aᵀ · b` over the rows `rows` of both: `c[i,j] = Σ_{r in rows} a[r,i] b[r,j]`, r in the
    /// given order.
    /// - Complexity: O(rows.count · a.columns · b.columns).
    static func transposedProduct(_ a: Tensor, _ b: Tensor, rows: Range<Int>) -> Tensor {
        let aColumns = a.shape[1], bColumns = b.shape[1]
        var c = [Float](repeating: 0, count: aColumns * bColumns)
        a.scalars.withUnsafeBufferPointer { a in
            b.scalars.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for r in rows {
                        for i in 0..<aColumns {
                            let factor = a[r * aColumns + i]
                            for j in 0..<bColumns {
                                c[i * bColumns + j] = c[i * bColumns + j].addingProduct(factor, b[r * bColumns + j])
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [aColumns, bColumns], scalars: c)
    }

    /// The transpose of a matrix.
    static func transpose(_ a: Tensor) -> Tensor {
        let rows = a.shape[0], columns = a.shape[1]
        var t = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { t[j * rows + i] = a.scalars[i * columns + j] }
        }
        return Tensor(shape: [columns, rows], scalars: t)
    }
}
