import Kernels
import PlasticUNet
import RandomStreams
import XCTest

final class TraceUpdateTests: XCTestCase {
    private let size = 16

    private func parameters(_ configuration: ModelConfiguration, eta: Float) -> ParameterSet {
        var parameters = ParameterSet.initialised(for: configuration, seed: 1)
        parameters.set(.head(.eta), to: Tensor(shape: [1], scalars: [eta]))
        return parameters
    }

    private func matrix(_ entries: [(Int, Int, Float)]) -> Tensor {
        var scalars = [Float](repeating: 0, count: size * size)
        for (i, j, value) in entries { scalars[i * size + j] = value }
        return Tensor(shape: [size, size], scalars: scalars)
    }

    private func random(_ stream: inout RandomStream, range: ClosedRange<Double> = 0...1) -> Tensor {
        Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in
            Float(range.lowerBound + (range.upperBound - range.lowerBound) * stream.nextDouble())
        })
    }

    /// x = A[0,:] = (1, 2, 0, ...), y = Y[0,:] = (0.5, 0.25, 0, ...), H[0,1] = 0.4, eta = 0.5,
    /// only row 0 feeds the update:
    /// hebb: H' = 0.5 H + 0.5 x yᵀ  -> H'[0,0] = 0.25, H'[0,1] = 0.2 + 0.125, H'[1,0] = 0.5, H'[1,1] = 0.25;
    /// oja:  H' = H + 0.5 y_j (x_i - H y_j) -> H'[0,1] = 0.4 + 0.125 (1 - 0.1) = 0.5125, the rest as hebb
    /// (H is 0 there).
    func testOneUpdateMatchesHandComputedValues() {
        let a = matrix([(0, 0, 1), (0, 1, 2), (3, 3, 7)])   // row 3 must not count
        let y = matrix([(0, 0, 0.5), (0, 1, 0.25), (3, 3, 0.9)])
        let h = matrix([(0, 1, 0.4)])
        let expected: [PlasticityRule: [(Int, Int, Float)]] = [
            .hebb: [(0, 0, 0.25), (0, 1, 0.325), (1, 0, 0.5), (1, 1, 0.25)],
            .oja: [(0, 0, 0.25), (0, 1, 0.5125), (1, 0, 0.5), (1, 1, 0.25)],
        ]
        for (rule, entries) in expected {
            let configuration = ModelConfiguration(rule: rule, width: 1, size: size, traceRows: .first)
            let trace = PlasticTrace(hebb: h, etaSensitivity: nil, samples: 4)
            let next = trace.updated(configuration: configuration, headInput: a, probabilities: y,
                                     parameters: parameters(configuration, eta: 0.5))
            XCTAssertEqual(next.samples, 5)
            for (index, (got, want)) in zip(next.hebb.scalars, matrix(entries).scalars).enumerated() {
                XCTAssertEqual(got, want, accuracy: 1e-7, "\(rule) H'[\(index / size),\(index % size)]")
            }
        }
    }

    /// Over all rows, against a direct double-precision evaluation of docs/MODEL.md §3.
    func testAllRowsMatchTheFormulaInDoublePrecision() {
        var stream = RandomStream(seed: 4, name: "test")
        let a = random(&stream, range: -1...1), y = random(&stream), h = random(&stream, range: -0.5...0.5)
        let eta = 0.3
        for rule in [PlasticityRule.hebb, .oja] {
            let configuration = ModelConfiguration(rule: rule, width: 1, size: size)
            let next = PlasticTrace(hebb: h, etaSensitivity: nil, samples: 0)
                .updated(configuration: configuration, headInput: a, probabilities: y,
                         parameters: parameters(configuration, eta: Float(eta)))
            for i in 0..<size {
                for j in 0..<size {
                    var meanProduct = 0.0, meanOja = 0.0
                    let hij = Double(h.scalars[i * size + j])
                    for r in 0..<size {
                        let x = Double(a.scalars[r * size + i]), yj = Double(y.scalars[r * size + j])
                        meanProduct += x * yj / Double(size)
                        meanOja += yj * (x - hij * yj) / Double(size)
                    }
                    let expected = rule == .hebb ? (1 - eta) * hij + eta * meanProduct : hij + eta * meanOja
                    XCTAssertEqual(Double(next.hebb.scalars[i * size + j]), expected, accuracy: 1e-6, "\(rule) [\(i),\(j)]")
                }
            }
        }
    }

    func testEtaZeroKeepsTheTrace() {
        var stream = RandomStream(seed: 5, name: "test")
        let a = random(&stream), y = random(&stream), h = random(&stream)
        for rule in [PlasticityRule.hebb, .oja] {
            let configuration = ModelConfiguration(rule: rule, width: 1, size: size)
            let next = PlasticTrace(hebb: h, etaSensitivity: nil, samples: 2)
                .updated(configuration: configuration, headInput: a, probabilities: y,
                         parameters: parameters(configuration, eta: 0))
            XCTAssertEqual(next.hebb, h, "\(rule)")
        }
    }

    /// H[i,j] = M[i,j] / Q[j] is a fixed point of Oja's rule: M - H ⊙ Q = 0.
    func testAnOjaFixedPointDoesNotMove() {
        var stream = RandomStream(seed: 6, name: "test")
        let a = random(&stream, range: -1...1), y = random(&stream, range: 0.1...0.9)
        var fixed = [Float](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size {
                var m = 0.0, q = 0.0
                for r in 0..<size {
                    m += Double(a.scalars[r * size + i]) * Double(y.scalars[r * size + j])
                    q += Double(y.scalars[r * size + j]) * Double(y.scalars[r * size + j])
                }
                fixed[i * size + j] = Float(m / q)
            }
        }
        let h = Tensor(shape: [size, size], scalars: fixed)
        let configuration = ModelConfiguration(rule: .oja, width: 1, size: size)
        let next = PlasticTrace(hebb: h, etaSensitivity: nil, samples: 0)
            .updated(configuration: configuration, headInput: a, probabilities: y,
                     parameters: parameters(configuration, eta: 0.5))
        for (moved, original) in zip(next.hebb.scalars, fixed) {
            XCTAssertEqual(moved, original, accuracy: 1e-5 * max(1, abs(original)))
        }
    }

    /// With every alpha equal to a, the free head computes exactly what the yoked one does,
    /// and the yoked gradient of a is the sum of the free gradients of alpha.
    func testYokedEqualsFreeWhenAlphaIsUniform() throws {
        var stream = RandomStream(seed: 7, name: "test")
        let free = ModelConfiguration(rule: .hebb, alpha: .free, width: 1, size: size)
        let yoked = ModelConfiguration(rule: .hebb, alpha: .yoked, width: 1, size: size)
        var freeParameters = ParameterSet.initialised(for: free, seed: 2)
        var yokedParameters = ParameterSet.initialised(for: yoked, seed: 2)
        freeParameters.set(.head(.alpha), to: Tensor(shape: [size, size], repeating: 0.75))
        yokedParameters.set(.head(.alpha), to: Tensor(shape: [1], scalars: [0.75]))
        let trace = PlasticTrace(hebb: random(&stream, range: -1...1), etaSensitivity: nil, samples: 1)
        let image = random(&stream)
        let lossGradient = random(&stream, range: -1...1)
        let freePass = PlasticNetwork(configuration: free, kernels: ReferenceKernels())
        let yokedPass = PlasticNetwork(configuration: yoked, kernels: ReferenceKernels())
        let f = freePass.forward(image: image, parameters: freeParameters, trace: trace)
        let y = yokedPass.forward(image: image, parameters: yokedParameters, trace: trace)
        XCTAssertEqual(f.probabilities, y.probabilities)
        let freeAlpha = try XCTUnwrap(freePass.backward(f, probabilityGradient: lossGradient, parameters: freeParameters)[.head(.alpha)])
        let yokedAlpha = try XCTUnwrap(yokedPass.backward(y, probabilityGradient: lossGradient, parameters: yokedParameters)[.head(.alpha)])
        let sum = freeAlpha.scalars.reduce(0.0) { $0 + Double($1) }
        XCTAssertEqual(Double(yokedAlpha.scalars[0]), sum, accuracy: 1e-5 * max(1, abs(sum)))
    }
}
