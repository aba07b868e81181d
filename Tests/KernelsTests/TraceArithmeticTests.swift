import Kernels
import XCTest

/// ``TraceArithmetic`` against plain loops that evaluate each documented expression with
/// ordinary array indexing (`x.addingProduct(a, b)` is `fma(a, b, x)`), and on
/// hand-computed values.
final class TraceArithmeticTests: XCTestCase {
    /// Square traces of the sizes S of the head, and non-square ones to pin the column index.
    private let shapes = [[1, 1], [7, 7], [33, 33], [101, 101], [3, 5], [5, 3]]
    private let rates: [Float] = [0.1, 0.37, 1, 0]

    // MARK: columnMeanProducts

    func testColumnMeanProductsMatchesPlainChains() {
        var random = TestRandom(seed: 31)
        var documented: [Float] = [], reversed: [Float] = [], reciprocal: [Float] = []
        var cases: [([Int], Range<Int>)] = []
        for s in [1, 7, 33, 101] {
            cases += [([s, s], 0..<s), ([s, s], 0..<1)]
        }
        cases += [([9, 4], 2..<7), ([4, 9], 0..<4), ([6, 3], 2..<2)]
        for (shape, rows) in cases {
            let a = random.tensor(shape), b = random.tensor(shape)
            let columns = shape[1]
            for count in [Float(rows.count), 3] {
                var expected: [Float] = []
                for j in 0..<columns {
                    var sum: Float = 0
                    for r in rows { sum = sum.addingProduct(a.scalars[r * columns + j], b.scalars[r * columns + j]) }
                    expected.append(sum / count)
                    documented.append(sum / count)
                    reciprocal.append(sum * (1 / count))
                    var backwards: Float = 0
                    for r in rows.reversed() {
                        backwards = backwards.addingProduct(a.scalars[r * columns + j], b.scalars[r * columns + j])
                    }
                    reversed.append(backwards / count)
                }
                assertSameBits(TraceArithmetic.columnMeanProducts(a, b, rows: rows, count: count), expected,
                               "\(shape) over \(rows) / \(count)")
            }
        }
        assertDistinguishes(documented, reversed, "r descending")
        assertDistinguishes(documented, reciprocal, "a product with the reciprocal count")
    }

    func testColumnMeanProductsByHand() {
        let a = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]), b = Tensor(shape: [3, 2], scalars: [1, 1, 2, 2, 3, -1])
        // Column 0: 1 + 6 + 15 = 22; column 1: 2 + 8 - 6 = 4.
        XCTAssertEqual(TraceArithmetic.columnMeanProducts(a, b, rows: 0..<3, count: 2), [11, 2])
        XCTAssertEqual(TraceArithmetic.columnMeanProducts(a, b, rows: 1..<2, count: 1), [6, 8])
        XCTAssertEqual(TraceArithmetic.columnMeanProducts(a, a, rows: 0..<1, count: 1), [1, 4])
        let empty = TraceArithmetic.columnMeanProducts(a, b, rows: 0..<0, count: 0)
        XCTAssertTrue(empty.allSatisfy(\.isNaN), "0 / 0")
        let nan = TraceArithmetic.columnMeanProducts(a, Tensor(shape: [3, 2], scalars: [1, 1, .nan, 1, 1, 1]),
                                                     rows: 0..<3, count: 3)
        XCTAssertTrue(nan[0].isNaN)
        XCTAssertEqual(nan[1], 4)
    }

    // MARK: hebb

    func testHebbMatchesPlainExpression() {
        var random = TestRandom(seed: 32)
        var documented: [Float] = [], unfused: [Float] = []
        for shape in shapes {
            for eta in rates + [random.float()] {
                let h = random.tensor(shape), m = random.tensor(shape)
                var expected: [Float] = []
                for k in 0..<h.count {
                    let value = ((1 - eta) * h.scalars[k]).addingProduct(eta, m.scalars[k])
                    expected.append(value)
                    documented.append(value)
                    unfused.append(eta * m.scalars[k] + (1 - eta) * h.scalars[k])
                }
                assertSameBits(TraceArithmetic.hebb(trace: h, mean: m, eta: eta), Tensor(shape: shape, scalars: expected),
                               "\(shape), eta \(eta)")
            }
        }
        assertDistinguishes(documented, unfused, "an unfused sum")
    }

    func testHebbByHand() {
        let h = Tensor(shape: [2, 2], scalars: [2, -4, 1, .nan]), m = Tensor(shape: [2, 2], scalars: [4, 8, .infinity, 0])
        let next = TraceArithmetic.hebb(trace: h, mean: m, eta: 0.5)
        XCTAssertEqual(next.shape, [2, 2])
        XCTAssertEqual(Array(next.scalars[0..<3]), [3, 2, .infinity])
        XCTAssertTrue(next.scalars[3].isNaN)
        // eta 0 keeps the trace (fma(0, m, 1 * h) = h) unless m is not finite.
        let kept = TraceArithmetic.hebb(trace: h, mean: m, eta: 0).scalars
        XCTAssertEqual(Array(kept[0..<2]), [2, -4])
        XCTAssertTrue(kept[2].isNaN, "0 · inf")
    }

    // MARK: oja

    func testOjaMatchesPlainExpression() {
        var random = TestRandom(seed: 33)
        var documented: [Float] = [], unfused: [Float] = []
        for shape in shapes {
            let columns = shape[1]
            for eta in rates + [random.float()] {
                let h = random.tensor(shape), m = random.tensor(shape), q = random.floats(columns)
                var expected: [Float] = []
                for k in 0..<h.count {
                    let (hk, mk, qj) = (h.scalars[k], m.scalars[k], q[k % columns])
                    let value = hk.addingProduct(eta, mk.addingProduct(-hk, qj))
                    expected.append(value)
                    documented.append(value)
                    unfused.append(hk + eta * (mk - hk * qj))
                }
                assertSameBits(TraceArithmetic.oja(trace: h, mean: m, columnMeanSquares: q, eta: eta),
                               Tensor(shape: shape, scalars: expected), "\(shape), eta \(eta)")
            }
        }
        assertDistinguishes(documented, unfused, "unfused products")
    }

    func testOjaByHandReadsQOfTheColumn() {
        // [2, 3]: h = 1 everywhere, m = 2, q = (3, 1, 0); eta 0.5 gives 1 + 0.5 (2 - q[j]).
        let h = Tensor(shape: [2, 3], repeating: 1), m = Tensor(shape: [2, 3], repeating: 2)
        let next = TraceArithmetic.oja(trace: h, mean: m, columnMeanSquares: [3, 1, 0], eta: 0.5)
        XCTAssertEqual(next, Tensor(shape: [2, 3], scalars: [0.5, 1.5, 2, 0.5, 1.5, 2]))
        let nan = TraceArithmetic.oja(trace: h, mean: m, columnMeanSquares: [.nan, 1, 0], eta: 0.5).scalars
        XCTAssertEqual(nan.map(\.isNaN), [true, false, false, true, false, false])
    }

    // MARK: hebbSensitivity

    func testHebbSensitivityMatchesPlainExpression() {
        var random = TestRandom(seed: 34)
        var documented: [Float] = [], unfused: [Float] = []
        for shape in shapes {
            for eta in rates + [random.float()] {
                let g = random.tensor(shape), h = random.tensor(shape), m = random.tensor(shape)
                let dm = random.tensor(shape)
                var expected: [Float] = []
                for k in 0..<g.count {
                    let (gk, hk, mk, dmk) = (g.scalars[k], h.scalars[k], m.scalars[k], dm.scalars[k])
                    let value = (mk - hk).addingProduct(1 - eta, gk).addingProduct(eta, dmk)
                    expected.append(value)
                    documented.append(value)
                    unfused.append((mk - hk) + (1 - eta) * gk + eta * dmk)
                }
                assertSameBits(TraceArithmetic.hebbSensitivity(sensitivity: g, trace: h, mean: m, meanSensitivity: dm,
                                                               eta: eta),
                               Tensor(shape: shape, scalars: expected), "\(shape), eta \(eta)")
            }
        }
        assertDistinguishes(documented, unfused, "unfused products")
    }

    func testHebbSensitivityByHand() {
        // fma(0.25, dm, fma(0.75, g, m - h)) with g = 4, h = 1, m = 3, dm = 8: 2 + 3 + 2 = 7.
        let one = { (x: Float) in Tensor(shape: [1, 1], scalars: [x]) }
        XCTAssertEqual(TraceArithmetic.hebbSensitivity(sensitivity: one(4), trace: one(1), mean: one(3),
                                                       meanSensitivity: one(8), eta: 0.25).scalars, [7])
        XCTAssertTrue(TraceArithmetic.hebbSensitivity(sensitivity: one(.nan), trace: one(1), mean: one(3),
                                                      meanSensitivity: one(8), eta: 0.25).scalars[0].isNaN)
        XCTAssertTrue(TraceArithmetic.hebbSensitivity(sensitivity: one(0), trace: one(.infinity), mean: one(.infinity),
                                                      meanSensitivity: one(0), eta: 0.25).scalars[0].isNaN, "inf - inf")
    }

    // MARK: ojaSensitivity

    func testOjaSensitivityMatchesPlainExpression() {
        var random = TestRandom(seed: 35)
        var documented: [Float] = [], unfused: [Float] = []
        for shape in shapes {
            let columns = shape[1]
            for eta in rates + [random.float()] {
                let g = random.tensor(shape), h = random.tensor(shape), m = random.tensor(shape)
                let dm = random.tensor(shape), q = random.floats(columns), dq = random.floats(columns)
                var expected: [Float] = []
                for k in 0..<g.count {
                    let (gk, hk, mk, dmk) = (g.scalars[k], h.scalars[k], m.scalars[k], dm.scalars[k])
                    let (qj, dqj) = (q[k % columns], dq[k % columns])
                    let base = mk.addingProduct(-hk, qj)
                    let inner = dmk.addingProduct(-gk, qj).addingProduct(-hk, dqj)
                    let value = (gk + base).addingProduct(eta, inner)
                    expected.append(value)
                    documented.append(value)
                    unfused.append(gk + (mk - hk * qj) + eta * (dmk - gk * qj - hk * dqj))
                }
                assertSameBits(TraceArithmetic.ojaSensitivity(sensitivity: g, trace: h, mean: m, meanSensitivity: dm,
                                                              columnMeanSquares: q, columnSquareSensitivity: dq,
                                                              eta: eta),
                               Tensor(shape: shape, scalars: expected), "\(shape), eta \(eta)")
            }
        }
        assertDistinguishes(documented, unfused, "unfused products")
    }

    func testOjaSensitivityByHandReadsQOfTheColumn() {
        // [1, 2], g = 1, h = 2, m = 3, dm = 4, eta 0.5:
        // column 0 (q 1, dq 0.5): inner = 4 - 1 - 1 = 2, outer = 1 + (3 - 2) = 2, result 3;
        // column 1 (q 0, dq 2): inner = 4 - 0 - 4 = 0, outer = 1 + 3 = 4, result 4.
        let g = Tensor(shape: [1, 2], repeating: 1), h = Tensor(shape: [1, 2], repeating: 2)
        let m = Tensor(shape: [1, 2], repeating: 3), dm = Tensor(shape: [1, 2], repeating: 4)
        let next = TraceArithmetic.ojaSensitivity(sensitivity: g, trace: h, mean: m, meanSensitivity: dm,
                                                  columnMeanSquares: [1, 0], columnSquareSensitivity: [0.5, 2], eta: 0.5)
        XCTAssertEqual(next, Tensor(shape: [1, 2], scalars: [3, 4]))
        let nan = TraceArithmetic.ojaSensitivity(sensitivity: g, trace: h, mean: m, meanSensitivity: dm,
                                                 columnMeanSquares: [1, 0], columnSquareSensitivity: [0.5, .nan],
                                                 eta: 0.5).scalars
        XCTAssertEqual(nan[0], 3)
        XCTAssertTrue(nan[1].isNaN)
    }

    // MARK: probabilitySensitivity

    func testProbabilitySensitivityMatchesPlainExpression() {
        var random = TestRandom(seed: 36)
        var documented: [Float] = [], regrouped: [Float] = []
        for shape in shapes + [[0, 3]] {
            let e = random.tensor(shape), y = random.probabilities(shape)
            var expected: [Float] = []
            for k in 0..<e.count {
                let value = e.scalars[k] * (y.scalars[k] * (1 - y.scalars[k]))
                expected.append(value)
                documented.append(value)
                regrouped.append(e.scalars[k] * y.scalars[k] * (1 - y.scalars[k]))
            }
            assertSameBits(TraceArithmetic.probabilitySensitivity(e, probabilities: y),
                           Tensor(shape: shape, scalars: expected), "\(shape)")
        }
        assertDistinguishes(documented, regrouped, "(e · y) · (1 - y)")
    }

    func testProbabilitySensitivityByHand() {
        let e = Tensor(shape: [2, 2], scalars: [4, 3, .nan, 1]), y = Tensor(shape: [2, 2], scalars: [0.5, 1, 0.5, .nan])
        let d = TraceArithmetic.probabilitySensitivity(e, probabilities: y).scalars
        XCTAssertEqual(Array(d[0..<2]), [1, 0])
        XCTAssertTrue(d[2].isNaN && d[3].isNaN)
    }
}
