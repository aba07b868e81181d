import Foundation
import Kernels
import XCTest

/// ``Logistic`` against plain loops and hand-computed values.
final class LogisticTests: XCTestCase {
    /// The sigmoid evaluated as documented but with the platform's double-precision `exp`.
    /// Both exponentials are accurate to about an ulp of a double, and the result is rounded
    /// once to float32, so the two agree unless the double quotient falls within a few
    /// 2^-53 of a float32 rounding boundary, which the fixed test inputs below do not do.
    private func platformSigmoid(_ z: Float) -> Float {
        Float(1 / (1 + Foundation.exp(-Double(z))))
    }

    func testSigmoidMatchesDoublePrecisionFormulaRoundedOnce() {
        var random = TestRandom(seed: 51)
        var documented: [Float] = [], single: [Float] = []
        for shape in [[1], [7], [33, 33], [101, 101], [0]] {
            // Logits in [-16, 16), where the sigmoid is neither 0 nor 1 in float32.
            let z = Tensor(shape: shape, scalars: random.floats(shape.reduce(1, *)).map { $0 * 16 })
            var expected: [Float] = []
            for i in 0..<z.count {
                expected.append(platformSigmoid(z.scalars[i]))
                documented.append(platformSigmoid(z.scalars[i]))
                single.append(1 / (1 + Float(Foundation.exp(-Double(z.scalars[i])))))
            }
            assertSameBits(Logistic.sigmoid(z), Tensor(shape: shape, scalars: expected), "\(shape)")
        }
        assertDistinguishes(documented, single, "the sum and quotient in float32")
    }

    func testSigmoidByHand() {
        let z = Tensor(shape: [2, 4], scalars: [0, -0.0, .infinity, -.infinity, 20, -20, 200, .nan])
        let y = Logistic.sigmoid(z)
        XCTAssertEqual(y.shape, [2, 4])
        XCTAssertEqual(Array(y.scalars[0..<5]), [0.5, 0.5, 1, 0, 1], "1 - 2e-9 rounds to 1 in float32")
        XCTAssertEqual(y.scalars[5], 2.0611537e-9, accuracy: 1e-15)
        XCTAssertEqual(y.scalars[6], 1)
        XCTAssertTrue(y.scalars[7].isNaN)
        // Evaluated in double: sigmoid(-100) = 1 / (1 + e^100) ≈ e^-100, a float32 subnormal
        // (a float32 e^100 would overflow and give 0); it reaches 0 only past -745 or so.
        let small = Logistic.sigmoid(Tensor(shape: [1], scalars: [-100])).scalars[0]
        XCTAssertEqual(small, Float(Foundation.exp(-100.0)))
        XCTAssertTrue(small > 0 && small.isSubnormal)
        XCTAssertEqual(Logistic.sigmoid(Tensor(shape: [1], scalars: [-800])).scalars[0], 0)
    }

    func testSigmoidGradientMatchesPlainLoopLeftToRight() {
        var random = TestRandom(seed: 52)
        var documented: [Float] = [], regrouped: [Float] = []
        for shape in [[1], [7], [33, 33], [101, 101], [0]] {
            let dy = random.tensor(shape), y = random.probabilities(shape)
            var expected: [Float] = []
            for i in 0..<dy.count {
                let (g, p) = (dy.scalars[i], y.scalars[i])
                expected.append(g * (1 - p) * p)
                documented.append(g * (1 - p) * p)
                regrouped.append(g * ((1 - p) * p))
            }
            assertSameBits(Logistic.sigmoidGradient(dy, output: y), Tensor(shape: shape, scalars: expected), "\(shape)")
        }
        assertDistinguishes(documented, regrouped, "dy · ((1 - y) · y)")
    }

    func testSigmoidGradientByHand() {
        let dy = Tensor(shape: [5], scalars: [4, 1, 3, .nan, 2]), y = Tensor(shape: [5], scalars: [0.5, 1, 0, 0.5, .nan])
        let g = Logistic.sigmoidGradient(dy, output: y).scalars
        XCTAssertEqual(Array(g[0..<3]), [1, 0, 0])
        XCTAssertTrue(g[3].isNaN && g[4].isNaN)
        // Left to right: (3e38 · 0.5) · 0.5 is finite; 3e38 · (0.5 · 0.5) too; but (-3e38 · 2) overflows first.
        let big = Logistic.sigmoidGradient(Tensor(shape: [1], scalars: [3e38]), output: Tensor(shape: [1], scalars: [-1]))
        XCTAssertEqual(big.scalars[0], -.infinity, "3e38 · 2 overflows before the product with -1")
    }
}
