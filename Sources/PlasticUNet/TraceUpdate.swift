import Kernels

extension PlasticTrace {
    /// The trace after one training sample (docs/MODEL.md §3), from the pre-update trace, the
    /// head's input A and output Y of the forward pass, and the pre-update parameters.
    ///
    /// With R the rows of ``TraceRows`` and |R| their count, `M = (Σ_{r∈R} A[r,i] Y[r,j]) / |R|`
    /// and `Q[j] = (Σ_{r∈R} Y[r,j]²) / |R|` (chains from 0 in ascending r, then one division):
    /// - hebb: `H' = fma(eta, M, (1 - eta) * H)`;
    /// - oja: `H' = fma(eta, fma(-H, Q, M), H)`.
    ///
    /// The sensitivity G = dH/d eta follows the same recursion differentiated in eta, with
    /// `D = dY/d eta = (A · (alpha ⊙ G)) * (Y * (1 - Y))`, `dM = (Σ_r A[r,i] D[r,j]) / |R|` and
    /// `dQ[j] = 2 (Σ_r Y[r,j] D[r,j]) / |R|`:
    /// - hebb: `G' = fma(eta, dM, fma(1 - eta, G, M - H))`;
    /// - oja: `G' = fma(eta, fma(-H, dQ, fma(-G, Q, dM)), G + fma(-H, Q, M))`.
    public func updated(configuration: ModelConfiguration, headInput a: Tensor, probabilities y: Tensor,
                 parameters: ParameterSet) -> PlasticTrace {
        guard configuration.isPlastic else { return self }
        let rows = configuration.traceRows == .all ? 0..<configuration.size : 0..<1
        let count = Float(rows.count)
        let eta = parameters.require(.head(.eta)).scalars[0]
        let m = Self.divided(SquareMatrixProducts.transposedProduct(a, y, rows: rows), by: count)
        let h = hebb.scalars
        var next: [Float]
        var nextSensitivity: [Float]?
        let d = etaSensitivity.map { g in
            Self.probabilitySensitivity(headInput: a, probabilities: y, alpha: parameters.require(.head(.alpha)),
                                        sensitivity: g)
        }
        let dm = d.map { Self.divided(SquareMatrixProducts.transposedProduct(a, $0, rows: rows), by: count).scalars }
        let size = configuration.size
        switch configuration.rule {
        case .none:
            preconditionFailure("rule none has no trace")
        case .hebb:
            next = zip(m.scalars, h).map { ((1 - eta) * $1).addingProduct(eta, $0) }
            if let g = etaSensitivity?.scalars, let dm {
                nextSensitivity = (0..<h.count).map { k in
                    (m.scalars[k] - h[k]).addingProduct(1 - eta, g[k]).addingProduct(eta, dm[k])
                }
            }
        case .oja:
            let q = Self.meanSquares(y, rows: rows, count: count)
            next = (0..<h.count).map { k in
                let base = m.scalars[k].addingProduct(-h[k], q[k % size])
                return h[k].addingProduct(eta, base)
            }
            if let g = etaSensitivity?.scalars, let d, let dm {
                let dq = Self.meanProducts(y, d, rows: rows, count: count).map { 2 * $0 }
                nextSensitivity = (0..<h.count).map { k in
                    let j = k % size
                    let base = m.scalars[k].addingProduct(-h[k], q[j])
                    let inner = dm[k].addingProduct(-g[k], q[j]).addingProduct(-h[k], dq[j])
                    return (g[k] + base).addingProduct(eta, inner)
                }
            }
        }
        return PlasticTrace(hebb: Tensor(shape: hebb.shape, scalars: next),
                            etaSensitivity: nextSensitivity.map { Tensor(shape: hebb.shape, scalars: $0) },
                            samples: samples + 1)
    }

    /// `D = dY/d eta = (A · (alpha ⊙ G)) * (Y * (1 - Y))`.
    private static func probabilitySensitivity(headInput a: Tensor, probabilities y: Tensor, alpha: Tensor,
                                               sensitivity g: Tensor) -> Tensor {
        let e = SquareMatrixProducts.product(a, PlasticHead.alphaProduct(alpha, g))
        return Tensor(shape: y.shape, scalars: zip(e.scalars, y.scalars).map { $0 * ($1 * (1 - $1)) })
    }

    /// Each element divided by `count`.
    private static func divided(_ x: Tensor, by count: Float) -> Tensor {
        Tensor(shape: x.shape, scalars: x.scalars.map { $0 / count })
    }

    /// `Q[j] = (Σ_{r∈rows} y[r,j]²) / count`.
    private static func meanSquares(_ y: Tensor, rows: Range<Int>, count: Float) -> [Float] {
        meanProducts(y, y, rows: rows, count: count)
    }

    /// `(Σ_{r∈rows} a[r,j] b[r,j]) / count` for each column j.
    private static func meanProducts(_ a: Tensor, _ b: Tensor, rows: Range<Int>, count: Float) -> [Float] {
        let columns = a.shape[1]
        var sums = [Float](repeating: 0, count: columns)
        for r in rows {
            for j in 0..<columns {
                sums[j] = sums[j].addingProduct(a.scalars[r * columns + j], b.scalars[r * columns + j])
            }
        }
        return sums.map { $0 / count }
    }
}
