import Kernels
import XCTest

/// ``MatrixProducts`` against plain loops that build each documented chain with ordinary
/// array indexing, and on hand-computed examples.
final class MatrixProductsTests: XCTestCase {
    /// `start`, then `acc = acc.addingProduct(x, y)` for each term in order.
    private func chain(_ terms: [(Float, Float)], from start: Float = 0) -> Float {
        terms.reduce(start) { acc, term in acc.addingProduct(term.0, term.1) }
    }

    /// The same terms added unfused (`acc + x * y`), the arithmetic the kernel must not use.
    private func unfused(_ terms: [(Float, Float)]) -> Float {
        terms.reduce(Float(0)) { acc, term in acc + term.0 * term.1 }
    }

    /// 1 + 2^-12: its square 1 + 2^-11 + 2^-24 needs 25 bits and rounds (to even) to
    /// 1 + 2^-11, so `fma(x, x, -1)` is 2^-11 + 2^-24 but `x * x - 1` is 2^-11.
    private let wide: Float = 1 + 0x1p-12
    private let fused: Float = 0x1p-11 + 0x1p-24

    // MARK: product

    func testProductMatchesPlainChains() {
        var random = TestRandom(seed: 1)
        var all: (documented: [Float], reversed: [Float], unfused: [Float]) = ([], [], [])
        for (rows, inner, columns) in [(1, 1, 1), (7, 7, 7), (33, 33, 33), (101, 101, 101), (3, 5, 2), (33, 1, 7),
                                       (1, 17, 40), (2, 0, 3), (0, 4, 5)] {
            let a = random.tensor([rows, inner]), b = random.tensor([inner, columns])
            var expected: [Float] = []
            for i in 0..<rows {
                for j in 0..<columns {
                    let terms = (0..<inner).map { k in (a.scalars[i * inner + k], b.scalars[k * columns + j]) }
                    expected.append(chain(terms))
                    all.documented.append(chain(terms))
                    all.reversed.append(chain(terms.reversed()))
                    all.unfused.append(unfused(terms))
                }
            }
            for path in KernelPath.supported {
                assertSameBits(MatrixProducts.product(a, b, path: path), Tensor(shape: [rows, columns], scalars: expected),
                               "\(rows) x \(inner) x \(columns), \(path.rawValue)")
            }
        }
        assertDistinguishes(all.documented, all.reversed, "k descending")
        assertDistinguishes(all.documented, all.unfused, "unfused multiply-adds")
    }

    func testProductByHand() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), b = Tensor(shape: [2, 2], scalars: [5, 6, 7, 8])
        XCTAssertEqual(MatrixProducts.product(a, b), Tensor(shape: [2, 2], scalars: [19, 22, 43, 50]))
        // [1, x] · [-1, x]ᵀ: fma(1, -1, 0) = -1, then fma(x, x, -1), one rounding.
        let row = Tensor(shape: [1, 2], scalars: [1, wide]), column = Tensor(shape: [2, 1], scalars: [-1, wide])
        XCTAssertEqual(MatrixProducts.product(row, column).scalars, [fused])
        XCTAssertEqual(MatrixProducts.product(Tensor(shape: [2, 0], scalars: []), Tensor(shape: [0, 3], scalars: [])),
                       Tensor(shape: [2, 3], repeating: 0))
    }

    func testProductPropagatesNonFiniteValues() {
        // Row 0 of a holds NaN, column 1 of b holds +inf; inf · 0 is NaN, inf - inf is NaN.
        let a = Tensor(shape: [3, 2], scalars: [.nan, 1, 2, 0, 1, -1])
        let b = Tensor(shape: [2, 2], scalars: [1, .infinity, 3, .infinity])
        let c = MatrixProducts.product(a, b).scalars
        XCTAssertTrue(c[0].isNaN && c[1].isNaN)
        XCTAssertEqual(c[2], 2)
        XCTAssertTrue(c[3].isNaN)
        XCTAssertEqual(c[4], -2)
        XCTAssertTrue(c[5].isNaN)
    }

    // MARK: transposedProduct

    func testTransposedProductMatchesPlainChains() {
        var random = TestRandom(seed: 2)
        var all: (documented: [Float], reversed: [Float], unfused: [Float]) = ([], [], [])
        var cases: [(n: Int, p: Int, q: Int, rows: Range<Int>)] = []
        for s in [1, 7, 33, 101] {
            cases += [(s, s, s, 0..<s), (s, s, s, 0..<1)]
        }
        cases += [(9, 4, 6, 2..<7), (5, 3, 8, 0..<5), (6, 2, 2, 3..<3), (40, 1, 13, 0..<40)]
        for (n, p, q, rows) in cases {
            let a = random.tensor([n, p]), b = random.tensor([n, q])
            var expected: [Float] = []
            for i in 0..<p {
                for j in 0..<q {
                    let terms = rows.map { r in (a.scalars[r * p + i], b.scalars[r * q + j]) }
                    expected.append(chain(terms))
                    all.documented.append(chain(terms))
                    all.reversed.append(chain(terms.reversed()))
                    all.unfused.append(unfused(terms))
                }
            }
            for path in KernelPath.supported {
                assertSameBits(MatrixProducts.transposedProduct(a, b, rows: rows, path: path),
                               Tensor(shape: [p, q], scalars: expected),
                               "[\(n), \(p)]ᵀ · [\(n), \(q)] over \(rows), \(path.rawValue)")
            }
        }
        assertDistinguishes(all.documented, all.reversed, "r descending")
        assertDistinguishes(all.documented, all.unfused, "unfused multiply-adds")
    }

    func testTransposedProductByHand() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), b = Tensor(shape: [2, 2], scalars: [5, 6, 7, 8])
        // c[i,j] = a[0,i] b[0,j] + a[1,i] b[1,j].
        XCTAssertEqual(MatrixProducts.transposedProduct(a, b, rows: 0..<2).scalars, [26, 30, 38, 44])
        XCTAssertEqual(MatrixProducts.transposedProduct(a, b, rows: 0..<1).scalars, [5, 6, 10, 12])
        XCTAssertEqual(MatrixProducts.transposedProduct(a, b, rows: 1..<2).scalars, [21, 24, 28, 32])
        XCTAssertEqual(MatrixProducts.transposedProduct(a, b, rows: 1..<1).scalars, [0, 0, 0, 0])
        let column = Tensor(shape: [2, 1], scalars: [1, wide]), other = Tensor(shape: [2, 1], scalars: [-1, wide])
        XCTAssertEqual(MatrixProducts.transposedProduct(column, other, rows: 0..<2).scalars, [fused])
        // Non-square: [3, 1]ᵀ · [3, 2] over rows 1 and 2.
        let x = Tensor(shape: [3, 1], scalars: [100, 2, 3]), y = Tensor(shape: [3, 2], scalars: [100, 100, 1, 2, 3, 4])
        XCTAssertEqual(MatrixProducts.transposedProduct(x, y, rows: 1..<3), Tensor(shape: [1, 2], scalars: [11, 16]))
    }

    func testTransposedProductPropagatesNaN() {
        let a = Tensor(shape: [2, 2], scalars: [1, 1, .nan, 1]), b = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let all = MatrixProducts.transposedProduct(a, b, rows: 0..<2).scalars
        XCTAssertTrue(all[0].isNaN && all[1].isNaN)
        XCTAssertEqual(Array(all[2...]), [4, 6])
        // Rows outside the range are not read.
        XCTAssertEqual(MatrixProducts.transposedProduct(a, b, rows: 0..<1).scalars, [1, 2, 1, 2])
    }

    // MARK: transpose

    func testTransposeMovesEveryElement() {
        var random = TestRandom(seed: 3)
        for (rows, columns) in [(1, 1), (7, 3), (3, 7), (33, 101), (101, 101), (0, 4), (4, 0)] {
            let a = random.tensor([rows, columns])
            var expected = [Float](repeating: 0, count: rows * columns)
            for i in 0..<rows {
                for j in 0..<columns { expected[j * rows + i] = a.scalars[i * columns + j] }
            }
            assertSameBits(MatrixProducts.transpose(a), Tensor(shape: [columns, rows], scalars: expected))
        }
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, -0.0, .nan])
        let t = MatrixProducts.transpose(a)
        XCTAssertEqual(t.shape, [3, 2])
        XCTAssertEqual(t.scalars.map(\.bitPattern), [1, 4, 2, -0.0, 3, .nan].map { (x: Float) in x.bitPattern })
    }

    // MARK: dot

    func testDotIsOneChainInStorageOrder() {
        var random = TestRandom(seed: 4)
        var all: (documented: [Float], reversed: [Float], unfused: [Float]) = ([], [], [])
        for shape in [[1], [7], [33, 1], [1, 33], [101, 101], [3, 5, 7]] {
            let a = random.tensor(shape), b = random.tensor(shape)
            let terms = Array(zip(a.scalars, b.scalars))
            XCTAssertEqual(MatrixProducts.dot(a, b).bitPattern, chain(terms).bitPattern, "\(shape)")
            all.documented.append(chain(terms))
            all.reversed.append(chain(terms.reversed()))
            all.unfused.append(unfused(terms))
        }
        assertDistinguishes(all.documented, all.reversed, "the reverse order")
        assertDistinguishes(all.documented, all.unfused, "unfused multiply-adds")
    }

    func testDotByHand() {
        XCTAssertEqual(MatrixProducts.dot(Tensor(shape: [3], scalars: [1, 2, 3]), Tensor(shape: [3], scalars: [4, 5, 6])),
                       32)
        XCTAssertEqual(MatrixProducts.dot(Tensor(shape: [2], scalars: [1, wide]), Tensor(shape: [2], scalars: [-1, wide])),
                       fused)
        // The order matters: x·x first gives fma(1, -1, 1 + 2^-11) = 2^-11.
        XCTAssertEqual(MatrixProducts.dot(Tensor(shape: [2], scalars: [wide, 1]), Tensor(shape: [2], scalars: [wide, -1])),
                       0x1p-11)
        XCTAssertEqual(MatrixProducts.dot(Tensor(shape: [0], scalars: []), Tensor(shape: [0], scalars: [])).bitPattern,
                       Float(0).bitPattern)
        XCTAssertTrue(MatrixProducts.dot(Tensor(shape: [2], scalars: [1, .nan]), Tensor(shape: [2], scalars: [1, 0])).isNaN)
        XCTAssertTrue(MatrixProducts.dot(Tensor(shape: [2], scalars: [.infinity, 1]),
                                         Tensor(shape: [2], scalars: [0, 1])).isNaN)
    }
}
