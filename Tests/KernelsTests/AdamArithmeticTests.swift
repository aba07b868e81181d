import Kernels
import XCTest

/// ``AdamArithmetic`` against a plain loop of the documented expressions and a step worked
/// by hand.
final class AdamArithmeticTests: XCTestCase {
    /// The coefficients of update number `step` with PyTorch's defaults, as the trainer
    /// computes them (double precision, each rounded once).
    private func coefficients(step: Int, learningRate: Double = 3e-4, beta1: Double = 0.9, beta2: Double = 0.999,
                              epsilon: Double = 1e-8) -> AdamArithmetic.Coefficients {
        var power1 = 1.0, power2 = 1.0
        for _ in 0..<step {
            power1 *= beta1
            power2 *= beta2
        }
        return AdamArithmetic.Coefficients(keep1: Float(1 - beta1), beta2: Float(beta2), keep2: Float(1 - beta2),
                                           stepSize: Float(-learningRate / (1 - power1)),
                                           correction: Float((1 - power2).squareRoot()), epsilon: Float(epsilon))
    }

    /// The documented step with ordinary array indexing.
    private func reference(_ p: [Float], _ m: [Float], _ v: [Float], _ g: [Float],
                           _ c: AdamArithmetic.Coefficients) -> (p: [Float], m: [Float], v: [Float]) {
        var (p, m, v) = (p, m, v)
        for i in 0..<p.count {
            m[i] = m[i] + c.keep1 * (g[i] - m[i])
            v[i] = v[i] * c.beta2 + (c.keep2 * g[i]) * g[i]
            p[i] = p[i] + c.stepSize * (m[i] / (v[i].squareRoot() / c.correction + c.epsilon))
        }
        return (p, m, v)
    }

    /// Pieces on several threads, on every kernel path, a partial last piece (and a partial
    /// last vector) and a NaN in one piece only: the same bits as the plain loop, and the
    /// NaN is reported.
    func testThreadsChangeNothing() {
        var random = TestRandom(seed: 43)
        let count = 3 * (1 << 16) + 5
        let c = coefficients(step: 3)
        let p0 = random.floats(count), m0 = random.floats(count).map { $0 * 0.1 }
        let v0 = random.floats(count).map { $0 * $0 * 0.01 }, g = random.floats(count)
        let expected = reference(p0, m0, v0, g, c)
        for (threads, path) in [1, 2, 3].flatMap({ t in KernelPath.supported.map { (t, $0) } }) {
            var (p, m, v) = (p0, m0, v0)
            XCTAssertTrue(AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: g,
                                                coefficients: c, threadCount: threads, path: path))
            XCTAssertEqual(p.map(\.bitPattern), expected.p.map(\.bitPattern), "\(threads) threads, \(path.rawValue)")
            XCTAssertEqual(m.map(\.bitPattern), expected.m.map(\.bitPattern), "\(threads) threads, \(path.rawValue)")
            XCTAssertEqual(v.map(\.bitPattern), expected.v.map(\.bitPattern), "\(threads) threads, \(path.rawValue)")
            // In a vector of the first piece and in the scalar tail of the last.
            for position in [100, count - 2] {
                var withNaN = g
                withNaN[position] = .nan
                (p, m, v) = (p0, m0, v0)
                XCTAssertFalse(AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v,
                                                     gradients: withNaN, coefficients: c, threadCount: threads,
                                                     path: path), "NaN at \(position)")
            }
        }
    }

    func testUpdateMatchesPlainLoop() {
        var random = TestRandom(seed: 41)
        var documented: [Float] = [], leftToRight: [Float] = [], squareFirst: [Float] = []
        for count in [1, 7, 33, 101 * 101, 1000, 0] {
            for step in [1, 2, 7, 1000] {
                let c = coefficients(step: step)
                let p0 = random.floats(count), m0 = random.floats(count).map { $0 * 0.1 }
                let v0 = random.floats(count).map { $0 * $0 * 0.01 }, g = random.floats(count)
                var (p, m, v) = (p0, m0, v0)
                AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: g, coefficients: c)
                let expected = reference(p0, m0, v0, g, c)
                assertSameBits(p, expected.p, "parameters, \(count) elements, step \(step)")
                assertSameBits(m, expected.m, "first moments, \(count) elements, step \(step)")
                assertSameBits(v, expected.v, "second moments, \(count) elements, step \(step)")
                documented += expected.p + expected.v
                for i in 0..<count {
                    let (mi, vi) = (expected.m[i], expected.v[i])
                    leftToRight.append(p0[i] + c.stepSize * mi / (vi.squareRoot() / c.correction + c.epsilon))
                }
                leftToRight += expected.v
                squareFirst += expected.p
                for i in 0..<count { squareFirst.append(v0[i] * c.beta2 + c.keep2 * (g[i] * g[i])) }
            }
        }
        assertDistinguishes(documented, leftToRight, "(stepSize · m) / denominator")
        assertDistinguishes(documented, squareFirst, "keep2 · (g · g)")
    }

    func testOneStepByHand() {
        // Exact coefficients: keep1 1/2, beta2 3/4, keep2 1/4, stepSize -1/8, correction 1/2, epsilon 2.
        // Element 0: m = 0 + (2 - 0)/2 = 1; v = 0 + (2/4)·2 = 1; p = 1 - (1 / (1/(1/2) + 2))/8 = 1 - 1/32.
        // Element 1: m = 1 + (-1 - 1)/2 = 0; v = 4·3/4 + (-1/4)(-1) = 3.25; p = -3 + (-1/8)·0 = -3.
        // Element 2: the updated moments, not the old ones, enter p: m = 2 + (6 - 2)/2 = 4,
        // v = 0 + (6/4)·6 = 9, p = 1 - (4 / (3/(1/2) + 2))/8 = 1 - 1/16 (the old moments give 1 - 1/8).
        let c = AdamArithmetic.Coefficients(keep1: 0.5, beta2: 0.75, keep2: 0.25, stepSize: -0.125, correction: 0.5,
                                            epsilon: 2)
        var p: [Float] = [1, -3, 1], m: [Float] = [0, 1, 2], v: [Float] = [0, 4, 0]
        AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: [2, -1, 6],
                              coefficients: c)
        XCTAssertEqual(m, [1, 0, 4])
        XCTAssertEqual(v, [1, 3.25, 9])
        XCTAssertEqual(p, [0.96875, -3, 0.9375])
    }

    func testFirstStepWithPyTorchDefaultsMovesByAboutTheLearningRate() {
        // Step 1 from zero moments: m = 0.1 g, v = 0.001 g², so the bias-corrected ratio is
        // g / |g| and p moves by -lr·sign(g) (up to epsilon and rounding), as in PyTorch.
        let c = coefficients(step: 1, learningRate: 1e-3)
        var p: [Float] = [1, 1, 1], m: [Float] = [0, 0, 0], v: [Float] = [0, 0, 0]
        AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: [0.5, -2, 0],
                              coefficients: c)
        XCTAssertEqual(p[0], 0.999, accuracy: 1e-6)
        XCTAssertEqual(p[1], 1.001, accuracy: 1e-6)
        XCTAssertEqual(p[2], 1, "a zero gradient does not move the parameter")
        XCTAssertEqual(m, [Float(1 - 0.9) * 0.5, Float(1 - 0.9) * -2, 0], "m = 0 + keep1 · (g - 0)")
    }

    func testNonFiniteGradientsPropagate() {
        let c = coefficients(step: 3)
        var p: [Float] = [1, 2, 3], m: [Float] = [0.1, 0.1, 0.1], v: [Float] = [0.01, 0.01, 0.01]
        XCTAssertFalse(AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v,
                                             gradients: [.nan, .infinity, 0.5], coefficients: c),
                       "the update says that it met a NaN")
        XCTAssertTrue(p[0].isNaN && m[0].isNaN && v[0].isNaN)
        // inf: m and v become infinite and p = p + s·(inf / inf), NaN.
        XCTAssertEqual(m[1], .infinity)
        XCTAssertEqual(v[1], .infinity)
        XCTAssertTrue(p[1].isNaN)
        XCTAssertTrue(p[2].isFinite && m[2].isFinite && v[2].isFinite, "elements are independent")
        XCTAssertNotEqual(p[2], 3)
    }

    /// The update reports whether every gradient and updated parameter is finite: an
    /// infinite gradient, and a parameter that overflows from finite values, are both seen.
    func testTheUpdateReportsNonFiniteValuesWhereverTheyArise() {
        let c = coefficients(step: 1)
        var p: [Float] = [1, 2], m: [Float] = [0, 0], v: [Float] = [0, 0]
        XCTAssertTrue(AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: [0.5, -1],
                                            coefficients: c))
        let huge = AdamArithmetic.Coefficients(keep1: c.keep1, beta2: c.beta2, keep2: c.keep2,
                                               stepSize: -.greatestFiniteMagnitude, correction: c.correction,
                                               epsilon: c.epsilon)
        var q: [Float] = [1, .greatestFiniteMagnitude], n: [Float] = [0, 0], w: [Float] = [0, 0]
        XCTAssertFalse(AdamArithmetic.update(parameters: &q, firstMoments: &n, secondMoments: &w,
                                             gradients: [0, -1], coefficients: huge))
        XCTAssertEqual(q[1], .infinity, "greatest + greatest · 1 overflows")
    }
}
