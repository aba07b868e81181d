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
    package func updated(configuration: ModelConfiguration, headInput a: Tensor, probabilities y: Tensor,
                 parameters: ParameterSet) -> PlasticTrace {
        guard configuration.isPlastic else { return self }
        let rows = configuration.traceRows == .all ? 0..<configuration.size : 0..<1
        let count = Float(rows.count)
        let eta = parameters.require(.head(.eta)).scalars[0]
        let m = Elementwise.divide(MatrixProducts.transposedProduct(a, y, rows: rows), by: count)
        let d = etaSensitivity.map { g in
            TraceArithmetic.probabilitySensitivity(
                MatrixProducts.product(a, PlasticHead.alphaProduct(parameters.require(.head(.alpha)), g)),
                probabilities: y)
        }
        let dm = d.map { Elementwise.divide(MatrixProducts.transposedProduct(a, $0, rows: rows), by: count) }
        let next: Tensor
        var nextSensitivity: Tensor?
        switch configuration.rule {
        case .none:
            preconditionFailure("rule none has no trace")
        case .hebb:
            next = TraceArithmetic.hebb(trace: hebb, mean: m, eta: eta)
            if let g = etaSensitivity, let dm {
                nextSensitivity = TraceArithmetic.hebbSensitivity(sensitivity: g, trace: hebb, mean: m,
                                                                  meanSensitivity: dm, eta: eta)
            }
        case .oja:
            let q = TraceArithmetic.columnMeanProducts(y, y, rows: rows, count: count)
            next = TraceArithmetic.oja(trace: hebb, mean: m, columnMeanSquares: q, eta: eta)
            if let g = etaSensitivity, let d, let dm {
                let meanProducts = TraceArithmetic.columnMeanProducts(y, d, rows: rows, count: count)
                let dq = Elementwise.scale(Tensor(shape: [meanProducts.count], scalars: meanProducts), by: 2).scalars
                nextSensitivity = TraceArithmetic.ojaSensitivity(sensitivity: g, trace: hebb, mean: m,
                                                                 meanSensitivity: dm, columnMeanSquares: q,
                                                                 columnSquareSensitivity: dq, eta: eta)
            }
        }
        return PlasticTrace(hebb: next, etaSensitivity: nextSensitivity, samples: samples + 1)
    }
}
