import Foundation
import Kernels
import XCTest

/// ``BinaryCrossEntropy`` on hand-computed values, and its sum and gradient against plain
/// loops.
final class BinaryCrossEntropyTests: XCTestCase {
    /// The loss of the single pixel `y` with truth `t`: `0 - term`, divided by 1, which is
    /// exactly `-max(log p, -100)`.
    private func pixelLoss(_ y: Float, _ t: UInt8) -> Double {
        BinaryCrossEntropy.loss(Tensor(shape: [1], scalars: [y]), mask: [t])
    }

    func testPerfectAndClampedPredictions() {
        let perfect = Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])
        XCTAssertEqual(BinaryCrossEntropy.loss(perfect, mask: [1, 0, 0, 1]), 0)
        // Wrong and certain: log 0 = -inf, clamped at -100, on either side.
        XCTAssertEqual(BinaryCrossEntropy.loss(perfect, mask: [0, 1, 1, 0]), 100)
        XCTAssertEqual(BinaryCrossEntropy.loss(perfect, mask: [0, 1, 0, 1]), 50, "two of four pixels wrong")
        // 27 · 2^-149 ≈ 3.8e-44 (just above e^-100) has the log -99.98..., not clamped;
        // 2^-149, the least float32, has the log -103.28..., clamped.
        let tiny = Tensor(shape: [1], scalars: [27 * Float.leastNonzeroMagnitude])
        XCTAssertEqual(BinaryCrossEntropy.loss(tiny, mask: [1]), 149 * log(2) - log(27), accuracy: 1e-12)
        XCTAssertLessThan(BinaryCrossEntropy.loss(tiny, mask: [1]), 100)
        let least = Tensor(shape: [1], scalars: [Float.leastNonzeroMagnitude])
        XCTAssertEqual(BinaryCrossEntropy.loss(least, mask: [1]), 100)
    }

    func testLossByHand() {
        // y = (0.5, 0.25, 0, 1), t = (1, 0, 1, 0): ln 2, ln(4/3), 100 and 100.
        let y = Tensor(shape: [2, 2], scalars: [0.5, 0.25, 0, 1])
        XCTAssertEqual(BinaryCrossEntropy.loss(y, mask: [1, 0, 1, 0]), (log(2) + log(4.0 / 3) + 200) / 4, accuracy: 1e-13)
        XCTAssertEqual(pixelLoss(0.5, 1), log(2), accuracy: 1e-15)
        XCTAssertEqual(pixelLoss(0.5, 0), log(2), accuracy: 1e-15)
        XCTAssertEqual(pixelLoss(0.75, 0), log(4), accuracy: 1e-15)
        // 1 - y is computed in double: for y = 1 - 2^-24, 1 - y = 2^-24 exactly.
        XCTAssertEqual(pixelLoss(1 - 0x1p-24, 0), 24 * log(2), accuracy: 1e-13)
    }

    func testLossIsThePixelLossesSummedInOrder() {
        var random = TestRandom(seed: 61)
        var documented: [Double] = [], reversed: [Double] = []
        for count in [1, 7, 33, 101 * 101] {
            let y = random.probabilities([count])
            let mask = (0..<count).map { _ in UInt8(random.int(in: 0...1)) }
            let terms = (0..<count).map { pixelLoss(y.scalars[$0], mask[$0]) }
            var sum = 0.0
            for term in terms { sum += term }
            XCTAssertEqual(BinaryCrossEntropy.loss(y, mask: mask).bitPattern, (sum / Double(count)).bitPattern,
                           "\(count) pixels")
            documented.append(sum / Double(count))
            reversed.append(terms.reversed().reduce(0, +) / Double(count))
            // Each term is the natural logarithm to about an ulp.
            for i in 0..<min(count, 50) {
                let p = mask[i] == 0 ? 1 - Double(y.scalars[i]) : Double(y.scalars[i])
                XCTAssertEqual(terms[i], -max(Foundation.log(p), -100), accuracy: 1e-14 * max(1, abs(terms[i])))
            }
        }
        XCTAssertTrue(zip(documented, reversed).contains { $0.bitPattern != $1.bitPattern },
                      "the test data do not tell pixel order from the reverse")
    }

    func testLossPropagatesNaN() {
        XCTAssertTrue(BinaryCrossEntropy.loss(Tensor(shape: [3], scalars: [0.5, .nan, 0.5]), mask: [1, 1, 0]).isNaN)
        XCTAssertTrue(BinaryCrossEntropy.loss(Tensor(shape: [2], scalars: [0.5, .nan]), mask: [0, 0]).isNaN)
    }

    func testGradientMatchesPlainLoop() {
        var random = TestRandom(seed: 62)
        var documented: [Float] = [], regrouped: [Float] = []
        for shape in [[1], [7], [33, 33], [101, 101]] {
            let y = random.probabilities(shape)
            let mask = (0..<y.count).map { _ in UInt8(random.int(in: 0...1)) }
            let scale = 1 / Float(mask.count)
            var expected: [Float] = []
            for i in 0..<y.count {
                let (p, t) = (y.scalars[i], Float(mask[i]))
                expected.append(scale * (p - t) / max((1 - p) * p, 1e-12))
                documented.append(scale * (p - t) / max((1 - p) * p, 1e-12))
                regrouped.append(scale * ((p - t) / max((1 - p) * p, 1e-12)))
            }
            assertSameBits(BinaryCrossEntropy.gradient(y, mask: mask), Tensor(shape: shape, scalars: expected), "\(shape)")
        }
        assertDistinguishes(documented, regrouped, "(1/N) · ((y - t) / d)")
    }

    func testGradientByHand() {
        // (1/4)(y - t)/max(y(1 - y), 1e-12): -0.5, 1/3, and the clamped -2.5e11 and 2.5e11.
        let y = Tensor(shape: [2, 2], scalars: [0.5, 0.25, 0, 1])
        let gradient = BinaryCrossEntropy.gradient(y, mask: [1, 0, 1, 0])
        XCTAssertEqual(gradient.shape, [2, 2])
        XCTAssertEqual(gradient.scalars[0], -0.5)
        XCTAssertEqual(gradient.scalars[1], 0.25 * 0.25 / 0.1875)
        XCTAssertEqual(gradient.scalars[2], -0.25 / Float(1e-12))
        XCTAssertEqual(gradient.scalars[2], -2.5e11, accuracy: 1e5)
        XCTAssertEqual(gradient.scalars[3], 2.5e11, accuracy: 1e5)
        let perfect = BinaryCrossEntropy.gradient(Tensor(shape: [2], scalars: [1, 0]), mask: [1, 0]).scalars
        XCTAssertEqual(perfect, [0, 0])
        let nan = BinaryCrossEntropy.gradient(Tensor(shape: [2], scalars: [.nan, 0.5]), mask: [1, 1]).scalars
        XCTAssertTrue(nan[0].isNaN)
        XCTAssertEqual(nan[1], -1)
    }
}
