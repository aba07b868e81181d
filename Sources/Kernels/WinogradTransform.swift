import KernelLoops

/// The three matrices of Winograd's minimal filtering F(4 x 4, 3 x 3) with the
/// interpolation points 0, 1, -1, 1/2, -2 and infinity, and the one way this project
/// applies them: the definition of ``ConvolutionArithmetic/winograd``.
///
/// ## The arithmetic
/// The output is cut into 4 x 4 tiles from its top left corner (tiles that reach past the
/// edge are computed whole and cropped); tile (ty, tx) reads the 6 x 6 input patch whose
/// top left element is input (4ty-1, 4tx-1), zero outside the image (the padding of 1).
/// For output channel co:
/// - `U[co,ci] = G · w[co,ci] · Gᵀ` (6 x 6 from the 3 x 3 weight),
/// - `V[ci] = Bᵀ · d[ci] · B` (6 x 6 from each input patch),
/// - `M[co][t] = Σ_ci U[co,ci][t] · V[ci][t]` for each of the 36 points t: one chain of fused
///   multiply-adds from 0 over ci ascending, as in the direct arithmetic,
/// - `y = Aᵀ · M · A + bias[co]` (4 x 4 from 6 x 6; the bias is added last).
///
/// Every matrix product `X = L · Z · Rᵀ` of the transforms (``apply(_:to:)``) is taken in
/// two passes, first `P = L · Z`, then `X = P · Rᵀ` (L = R for all of them); each element of
/// a pass is the sum of the products by the matrix's non-zero coefficients, in ascending
/// index order, the first product starting the sum, each product rounded before its
/// addition (no fused multiply-adds). Coefficients are the floats nearest to the exact
/// fractions.
///
/// Images smaller than ``minimumSide`` on either side have too few tiles for the
/// products to pay: their convolutions (and gradients) use the direct arithmetic.
///
/// The gradients are the exact adjoints of these steps, in the reverse order: `dM = A · dy ·
/// Aᵀ`, `dV[ci][t] = Σ_co U[co,ci][t] · dM[co][t]` over co ascending, the input gradient
/// `B · dV · Bᵀ` added into the patches' positions (tiles in row-major order, from 0, the
/// positions outside the image dropped); `dU[co,ci][t] = Σ_tiles dM[co][t] · V[ci][t]` over
/// the tiles in row-major order, and the weight gradient `Gᵀ · dU · G`.
package struct WinogradTransform: Sendable {
    /// Rows of the matrix.
    package let rows: Int
    /// Columns of the matrix: the side of the square it transforms.
    package let columns: Int
    /// The non-zero coefficients of each row, in ascending column order.
    let terms: [[(column: Int, coefficient: Float)]]

    /// The matrix with these rows of exact fractions (numerator, denominator).
    private init(_ fractions: [[(Int, Int)]]) {
        rows = fractions.count
        columns = fractions[0].count
        terms = fractions.map { row in
            row.enumerated().compactMap { column, fraction in
                fraction.0 == 0 ? nil : (column, Float(Double(fraction.0) / Double(fraction.1)))
            }
        }
    }

    /// `Bᵀ`, 6 x 6: input patches to the 36 points.
    package static let input = WinogradTransform([
        [(1, 1), (-3, 2), (-2, 1), (3, 2), (1, 1), (0, 1)],
        [(0, 1), (-1, 1), (1, 2), (5, 2), (1, 1), (0, 1)],
        [(0, 1), (1, 1), (-5, 2), (1, 2), (1, 1), (0, 1)],
        [(0, 1), (-2, 1), (-1, 1), (2, 1), (1, 1), (0, 1)],
        [(0, 1), (1, 2), (-1, 1), (-1, 2), (1, 1), (0, 1)],
        [(0, 1), (1, 1), (-3, 2), (-2, 1), (3, 2), (1, 1)],
    ])

    /// `G`, 6 x 3: weights to the 36 points.
    package static let weight = WinogradTransform([
        [(1, 1), (0, 1), (0, 1)],
        [(1, 3), (1, 3), (1, 3)],
        [(-1, 3), (1, 3), (-1, 3)],
        [(-16, 15), (-8, 15), (-4, 15)],
        [(1, 15), (-2, 15), (4, 15)],
        [(0, 1), (0, 1), (1, 1)],
    ])

    /// `Aᵀ`, 4 x 6: the 36 points to an output tile.
    package static let output = WinogradTransform([
        [(1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (0, 1)],
        [(0, 1), (1, 1), (-1, 1), (1, 2), (-2, 1), (0, 1)],
        [(0, 1), (1, 1), (1, 1), (1, 4), (4, 1), (0, 1)],
        [(0, 1), (1, 1), (-1, 1), (1, 8), (-8, 1), (1, 1)],
    ])

    /// The transposed matrix, for the adjoints.
    package var transposed: WinogradTransform {
        var columnsTerms = [[(column: Int, coefficient: Float)]](repeating: [], count: columns)
        for (row, rowTerms) in terms.enumerated() {
            for term in rowTerms {
                columnsTerms[term.column].append((row, term.coefficient))
            }
        }
        return WinogradTransform(rows: columns, columns: rows, terms: columnsTerms)
    }

    private init(rows: Int, columns: Int, terms: [[(column: Int, coefficient: Float)]]) {
        self.rows = rows
        self.columns = columns
        self.terms = terms
    }

    /// The smallest image side that the Winograd arithmetic computes: three tiles.
    package static let minimumSide = 9

    /// Whether an `height x width` image's convolution uses the Winograd arithmetic.
    package static func applies(height: Int, width: Int) -> Bool {
        height >= minimumSide && width >= minimumSide
    }

    /// The points of a tile: 6 x 6.
    package static let points = 36
    /// The side of an output tile.
    package static let tileSide = 4
    /// The side of an input patch.
    package static let patchSide = 6

    /// `L · z · Lᵀ` for this matrix L (`rows x columns`), `z` a `columns x columns` square,
    /// row-major, in the two passes of the documented arithmetic; one element at a time.
    /// - Returns: `rows x rows`, row-major.
    package func apply(_ z: [Float]) -> [Float] {
        precondition(z.count == columns * columns, "a \(columns) x \(columns) square, not \(z.count) elements")
        // P = L · z: rows x columns.
        var p = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for b in 0..<columns {
                p[i * columns + b] = Self.sum(terms[i]) { z[$0 * columns + b] }
            }
        }
        // X = P · Lᵀ: X[i][j] = Σ_b L[j][b] · P[i][b].
        var x = [Float](repeating: 0, count: rows * rows)
        for i in 0..<rows {
            for j in 0..<rows {
                x[i * rows + j] = Self.sum(terms[j]) { p[i * columns + $0] }
            }
        }
        return x
    }

    /// `Σ coefficient · value(column)` over `terms` in order: the first product starts the
    /// sum, each product is rounded before it is added.
    @inline(__always)
    static func sum<Value: WinogradValue>(_ terms: [(column: Int, coefficient: Float)],
                                          _ value: (Int) -> Value) -> Value {
        var total = terms[0].coefficient * value(terms[0].column)
        for term in terms.dropFirst() {
            total = total + term.coefficient * value(term.column)
        }
        return total
    }
}
