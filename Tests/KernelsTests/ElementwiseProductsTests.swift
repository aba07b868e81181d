import Kernels
import XCTest

/// ``Elementwise/multiply(_:_:)``, ``Elementwise/scale(_:by:)`` and
/// ``Elementwise/divide(_:by:)`` against plain loops and hand-computed values.
final class ElementwiseProductsTests: XCTestCase {
    private let shapes = [[1], [7], [33, 33], [101, 101], [3, 5, 7], [0]]

    func testMultiplyMatchesPlainLoop() {
        var random = TestRandom(seed: 21)
        for shape in shapes {
            let a = random.tensor(shape), b = random.tensor(shape)
            var expected: [Float] = []
            for i in 0..<a.count { expected.append(a.scalars[i] * b.scalars[i]) }
            assertSameBits(Elementwise.multiply(a, b), Tensor(shape: shape, scalars: expected), "\(shape)")
        }
    }

    func testMultiplyByHand() {
        let a = Tensor(shape: [2, 3], scalars: [2, -3, 0, .infinity, .nan, -0.0])
        let b = Tensor(shape: [2, 3], scalars: [0.5, 4, -1, 0, 1, 5])
        let product = Elementwise.multiply(a, b)
        XCTAssertEqual(product.shape, [2, 3])
        XCTAssertEqual(Array(product.scalars[0..<3]).map(\.bitPattern), [1, -12, -0.0].map { (x: Float) in x.bitPattern })
        XCTAssertTrue(product.scalars[3].isNaN && product.scalars[4].isNaN)
        XCTAssertEqual(product.scalars[5].bitPattern, (-0.0 as Float).bitPattern)
    }

    func testScaleMatchesPlainLoop() {
        var random = TestRandom(seed: 22)
        for shape in shapes {
            let x = random.tensor(shape), s = random.float()
            var expected: [Float] = []
            for i in 0..<x.count { expected.append(s * x.scalars[i]) }
            assertSameBits(Elementwise.scale(x, by: s), Tensor(shape: shape, scalars: expected), "\(shape)")
        }
    }

    func testScaleByHand() {
        let x = Tensor(shape: [5], scalars: [1, -2, 0, .infinity, .nan])
        let scaled = Elementwise.scale(x, by: -0.5).scalars
        XCTAssertEqual(Array(scaled[0..<4]), [-0.5, 1, -0.0, -.infinity])
        XCTAssertEqual(scaled[2].sign, .minus)
        XCTAssertTrue(scaled[4].isNaN)
        XCTAssertTrue(Elementwise.scale(Tensor(shape: [1], scalars: [1]), by: .nan).scalars[0].isNaN)
        XCTAssertTrue(Elementwise.scale(Tensor(shape: [1], scalars: [0]), by: .infinity).scalars[0].isNaN)
    }

    func testDivideMatchesPlainLoopAndIsNoReciprocalProduct() {
        var random = TestRandom(seed: 23)
        var quotients: [Float] = [], reciprocalProducts: [Float] = []
        for shape in shapes {
            for d: Float in [3, 33, 101, 0.7] {
                let x = random.tensor(shape)
                var expected: [Float] = []
                for i in 0..<x.count {
                    expected.append(x.scalars[i] / d)
                    quotients.append(x.scalars[i] / d)
                    reciprocalProducts.append(x.scalars[i] * (1 / d))
                }
                assertSameBits(Elementwise.divide(x, by: d), Tensor(shape: shape, scalars: expected), "\(shape) / \(d)")
            }
        }
        assertDistinguishes(quotients, reciprocalProducts, "a product with the reciprocal")
    }

    func testDivideByHand() {
        let x = Tensor(shape: [2, 2], scalars: [1, -6, 0, .nan])
        let quotient = Elementwise.divide(x, by: 3)
        XCTAssertEqual(quotient.shape, [2, 2])
        XCTAssertEqual(quotient.scalars[0], 0x1.555556p-2)  // 1/3 correctly rounded
        XCTAssertEqual(Array(quotient.scalars[1..<3]), [-2, 0])
        XCTAssertTrue(quotient.scalars[3].isNaN)
        let byZero = Elementwise.divide(Tensor(shape: [3], scalars: [1, -1, 0]), by: 0).scalars
        XCTAssertEqual(Array(byZero[0..<2]), [.infinity, -.infinity])
        XCTAssertTrue(byZero[2].isNaN)
    }
}
