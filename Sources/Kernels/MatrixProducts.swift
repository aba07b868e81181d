/// Dense products of row-major matrices (`[rows, columns]` tensors), the arithmetic of the
/// plastic head.
///
/// ## The arithmetic
/// Every element of a product is one chain of fused multiply-adds from 0,
/// `acc = acc.addingProduct(x, y)`, over the inner index in ascending order, the same fixed
/// arithmetic as ``ConvolutionKernels``. The loops (``KernelLoops/MatrixRows``, compiled
/// for each ``KernelPath``) run the inner index outside the loop over the output's columns,
/// so the innermost loop runs over independent chains of one output row and vectorises
/// without changing any chain.
package enum MatrixProducts {
    /// `a · b`.
    ///
    /// `c[i,j]` starts at 0 and accumulates `a[i,k] * b[k,j]` (one fused multiply-add each)
    /// for k ascending.
    /// - Parameters:
    ///   - a: `[rows, inner]`.
    ///   - b: `[inner, columns]`.
    ///   - path: the instruction set of the loops; the result does not depend on it.
    /// - Returns: `[rows, columns]`.
    /// - Complexity: O(rows·inner·columns) fused multiply-adds.
    package static func product(_ a: Tensor, _ b: Tensor, path: KernelPath = .selected) -> Tensor {
        precondition(a.shape.count == 2 && b.shape.count == 2 && a.shape[1] == b.shape[0],
                     "cannot multiply \(a.shape) by \(b.shape)")
        let rows = a.shape[0], inner = a.shape[1], columns = b.shape[1]
        var c = [Float](repeating: 0, count: rows * columns)
        a.scalars.withUnsafeBufferPointer { a in
            b.scalars.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    path.tileKernels.product(a: a.start, b: b.start, c: c.start, rows: 0..<rows, inner: inner,
                                             columns: columns)
                }
            }
        }
        return Tensor(shape: [rows, columns], scalars: c)
    }

    /// `aᵀ · b` over the rows `rows` of both operands.
    ///
    /// `c[i,j]` starts at 0 and accumulates `a[r,i] * b[r,j]` (one fused multiply-add each)
    /// for r in `rows` ascending; an empty range gives zeros.
    /// - Parameters:
    ///   - a: `[n, p]`.
    ///   - b: `[m, q]`.
    ///   - rows: rows of both, within `0..<min(n, m)`.
    ///   - path: the instruction set of the loops; the result does not depend on it.
    /// - Returns: `[p, q]`.
    /// - Complexity: O(rows.count·p·q) fused multiply-adds.
    package static func transposedProduct(_ a: Tensor, _ b: Tensor, rows: Range<Int>,
                                         path: KernelPath = .selected) -> Tensor {
        precondition(a.shape.count == 2 && b.shape.count == 2, "cannot multiply \(a.shape)ᵀ by \(b.shape)")
        precondition(rows.lowerBound >= 0 && rows.upperBound <= min(a.shape[0], b.shape[0]),
                     "rows \(rows) outside \(a.shape) or \(b.shape)")
        let aColumns = a.shape[1], bColumns = b.shape[1]
        var c = [Float](repeating: 0, count: aColumns * bColumns)
        a.scalars.withUnsafeBufferPointer { a in
            b.scalars.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    path.tileKernels.transposedProduct(a: a.start, b: b.start, c: c.start, rows: rows,
                                                       aColumns: aColumns, bColumns: bColumns)
                }
            }
        }
        return Tensor(shape: [aColumns, bColumns], scalars: c)
    }

    /// The transpose: element `[j, i]` of the result is `a[i, j]` (a copy, no arithmetic).
    /// - Parameter a: `[rows, columns]`.
    /// - Returns: `[columns, rows]`.
    /// - Complexity: O(rows·columns).
    package static func transpose(_ a: Tensor) -> Tensor {
        precondition(a.shape.count == 2, "cannot transpose \(a.shape)")
        let rows = a.shape[0], columns = a.shape[1]
        return Tensor(shape: [columns, rows], scalars: [Float](count: rows * columns) { t in
            a.scalars.withReader { a in
                for j in 0..<columns {
                    for i in 0..<rows {
                        t[j &* rows &+ i] = a[i &* columns &+ j]
                    }
                }
            }
        })
    }

    /// The dot product `Σ a[i] b[i]` of two tensors of one shape.
    ///
    /// One chain: starts at 0 and accumulates `a[i] * b[i]` (one fused multiply-add each)
    /// for i ascending in storage order.
    /// - Parameters:
    ///   - a: any shape.
    ///   - b: the shape of `a`.
    /// - Returns: the sum.
    /// - Complexity: O(n) fused multiply-adds for n elements, one dependent chain.
    package static func dot(_ a: Tensor, _ b: Tensor) -> Float {
        precondition(a.shape == b.shape, "shapes \(a.shape) and \(b.shape) differ")
        let count = a.count
        return a.scalars.withReader { a in
            b.scalars.withReader { b in
                var sum: Float = 0
                for i in 0..<count {
                    sum = sum.addingProduct(a[i], b[i])
                }
                return sum
            }
        }
    }
}
