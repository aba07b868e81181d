/// The elementwise arithmetic of the Hebbian trace update of the plastic head: the column
/// means of products, the hebb and oja rules, and their sensitivities to eta.
///
/// ## The arithmetic
/// Every output element is the fixed expression given with its function, evaluated in
/// single precision with every fused multiply-add explicit (`fma(a, b, c)` below is
/// `c.addingProduct(a, b)`, one rounding) and no other contraction. For a trace of shape
/// `[rows, columns]`, element k (row-major) lies in column `j = k % columns`, and
/// per-column vectors such as `q` are indexed by j. The loops run the columns innermost,
/// over independent elements, so they vectorise without changing any expression.
package enum TraceArithmetic {
    /// The mean over the rows `rows` of the elementwise product of two matrices, column by
    /// column.
    ///
    /// `mean[j]` is a chain from 0 that accumulates `a[r,j] * b[r,j]` (one fused
    /// multiply-add each) for r in `rows` ascending, then one division: `sum[j] / count`.
    /// - Parameters:
    ///   - a: `[n, columns]`.
    ///   - b: the shape of `a`.
    ///   - rows: rows of both, within `0..<n`.
    ///   - count: the divisor, normally `Float(rows.count)`.
    /// - Returns: `columns` means.
    /// - Complexity: O(rows.count·columns).
    package static func columnMeanProducts(_ a: Tensor, _ b: Tensor, rows: Range<Int>, count: Float) -> [Float] {
        precondition(a.shape.count == 2 && a.shape == b.shape, "shapes \(a.shape) and \(b.shape) differ")
        precondition(rows.lowerBound >= 0 && rows.upperBound <= a.shape[0], "rows \(rows) outside \(a.shape)")
        let columns = a.shape[1]
        var sums = [Float](repeating: 0, count: columns)
        a.scalars.withReader { a in
            b.scalars.withReader { b in
                sums.withWriter { sums in
                    for r in rows {
                        let base = r &* columns
                        for j in 0..<columns {
                            sums[j] = sums[j].addingProduct(a[base &+ j], b[base &+ j])
                        }
                    }
                    for j in 0..<columns {
                        sums[j] = sums[j] / count
                    }
                }
            }
        }
        return sums
    }

    /// The hebb rule: `fma(eta, m, (1 - eta) * h)` for each element (`1 - eta` rounded,
    /// then the product rounded, then one fused multiply-add).
    /// - Parameters:
    ///   - h: the trace H, any shape.
    ///   - m: the mean product M, the shape of `h`.
    ///   - eta: the rate.
    /// - Returns: the next trace, of the shape of `h`.
    /// - Complexity: O(n) for n elements.
    package static func hebb(trace h: Tensor, mean m: Tensor, eta: Float) -> Tensor {
        let keep = 1 - eta
        return h.zipScalars(m) { h, m in (keep * h).addingProduct(eta, m) }
    }

    /// The oja rule: `fma(eta, fma(-h, q[j], m), h)` for each element.
    /// - Parameters:
    ///   - h: the trace H, `[rows, columns]`.
    ///   - m: the mean product M, the shape of `h`.
    ///   - q: the column mean squares Q, `columns` values.
    ///   - eta: the rate.
    /// - Returns: the next trace, of the shape of `h`.
    /// - Complexity: O(rows·columns).
    package static func oja(trace h: Tensor, mean m: Tensor, columnMeanSquares q: [Float], eta: Float) -> Tensor {
        let (rows, columns) = matrixShape(h, m, columnVectors: q)
        return Tensor(shape: h.shape, scalars: [Float](count: rows * columns) { output in
            h.scalars.withReader { h in
                m.scalars.withReader { m in
                    q.withReader { q in
                        for r in 0..<rows {
                            let base = r &* columns
                            for j in 0..<columns {
                                let k = base &+ j
                                output[k] = h[k].addingProduct(eta, m[k].addingProduct(-h[k], q[j]))
                            }
                        }
                    }
                }
            }
        })
    }

    /// The sensitivity dH'/d eta of the hebb rule: `fma(eta, dm, fma(1 - eta, g, m - h))`
    /// for each element (`m - h` rounded, then two fused multiply-adds).
    /// - Parameters:
    ///   - g: the sensitivity G = dH/d eta, any shape.
    ///   - h: the trace H, the shape of `g`.
    ///   - m: the mean product M, the shape of `g`.
    ///   - dm: its sensitivity dM/d eta, the shape of `g`.
    ///   - eta: the rate.
    /// - Returns: the next sensitivity, of the shape of `g`.
    /// - Complexity: O(n) for n elements.
    package static func hebbSensitivity(sensitivity g: Tensor, trace h: Tensor, mean m: Tensor,
                                       meanSensitivity dm: Tensor, eta: Float) -> Tensor {
        precondition(g.shape == h.shape && g.shape == m.shape && g.shape == dm.shape,
                     "shapes \(g.shape), \(h.shape), \(m.shape), \(dm.shape) differ")
        let keep = 1 - eta
        let count = g.count
        return Tensor(shape: g.shape, scalars: [Float](count: count) { output in
            g.scalars.withReader { g in
                h.scalars.withReader { h in
                    m.scalars.withReader { m in
                        dm.scalars.withReader { dm in
                            for k in 0..<count {
                                output[k] = (m[k] - h[k]).addingProduct(keep, g[k]).addingProduct(eta, dm[k])
                            }
                        }
                    }
                }
            }
        })
    }

    /// The sensitivity dH'/d eta of the oja rule:
    /// `fma(eta, fma(-h, dq[j], fma(-g, q[j], dm)), g + fma(-h, q[j], m))` for each element
    /// (the inner fused multiply-adds and the sum rounded, then the outer fused multiply-add).
    /// - Parameters:
    ///   - g: the sensitivity G = dH/d eta, `[rows, columns]`.
    ///   - h: the trace H, the shape of `g`.
    ///   - m: the mean product M, the shape of `g`.
    ///   - dm: its sensitivity dM/d eta, the shape of `g`.
    ///   - q: the column mean squares Q, `columns` values.
    ///   - dq: their sensitivity dQ/d eta, `columns` values.
    ///   - eta: the rate.
    /// - Returns: the next sensitivity, of the shape of `g`.
    /// - Complexity: O(rows·columns).
    package static func ojaSensitivity(sensitivity g: Tensor, trace h: Tensor, mean m: Tensor,
                                      meanSensitivity dm: Tensor, columnMeanSquares q: [Float],
                                      columnSquareSensitivity dq: [Float], eta: Float) -> Tensor {
        let (rows, columns) = matrixShape(g, h, columnVectors: q)
        precondition(g.shape == m.shape && g.shape == dm.shape, "shapes \(g.shape), \(m.shape), \(dm.shape) differ")
        precondition(dq.count == columns, "\(dq.count) column values for \(g.shape)")
        return Tensor(shape: g.shape, scalars: [Float](count: rows * columns) { output in
            g.scalars.withReader { g in
                h.scalars.withReader { h in
                    m.scalars.withReader { m in
                        dm.scalars.withReader { dm in
                            q.withReader { q in
                                dq.withReader { dq in
                                    for r in 0..<rows {
                                        let base = r &* columns
                                        for j in 0..<columns {
                                            let k = base &+ j
                                            let decay = m[k].addingProduct(-h[k], q[j])
                                            let inner = dm[k].addingProduct(-g[k], q[j]).addingProduct(-h[k], dq[j])
                                            output[k] = (g[k] + decay).addingProduct(eta, inner)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        })
    }

    /// The sensitivity of the probabilities, `e * (y * (1 - y))` for each element (`1 - y`
    /// rounded, then the inner product, then the outer one).
    /// - Parameters:
    ///   - e: the sensitivity of the logits, any shape.
    ///   - y: the probabilities, the shape of `e`.
    /// - Returns: the sensitivity of `y`, of the shape of `e`.
    /// - Complexity: O(n) for n elements.
    package static func probabilitySensitivity(_ e: Tensor, probabilities y: Tensor) -> Tensor {
        e.zipScalars(y) { e, y in e * (y * (1 - y)) }
    }

    /// The rows and columns of two matrices of one shape whose columns `vector` indexes.
    private static func matrixShape(_ a: Tensor, _ b: Tensor, columnVectors vector: [Float]) -> (Int, Int) {
        precondition(a.shape.count == 2 && a.shape == b.shape, "shapes \(a.shape) and \(b.shape) differ")
        precondition(vector.count == a.shape[1], "\(vector.count) column values for \(a.shape)")
        return (a.shape[0], a.shape[1])
    }
}
