import Kernels
import PlasticUNet
import RandomStreams
import XCTest

/// learnEta: the gradient of eta, carried forward through the trace's sensitivity, equals
/// the finite difference of the loss of the last of several samples, when eta changes
/// every trace update before it.
final class EtaSensitivityTests: XCTestCase {
    private let size = 16

    func testEtaGradientMatchesFiniteDifferencesOverASequence() throws {
        for rule in [PlasticityRule.hebb, .oja] {
            for alpha in AlphaKind.allCases {
                let configuration = ModelConfiguration(rule: rule, alpha: alpha, width: 1, size: size, learnEta: true)
                let network = PlasticNetwork(configuration: configuration, kernels: ReferenceKernels())
                var stream = RandomStream(seed: 21, name: "test")
                var parameters = ParameterSet.initialised(for: configuration, seed: 8)
                let alphaShape = try XCTUnwrap(parameters[.head(.alpha)]).shape
                parameters.set(.head(.alpha), to: Tensor(shape: alphaShape, scalars: (0..<alphaShape.reduce(1, *)).map { _ in
                    Float(0.5 + stream.nextDouble())
                }))
                parameters.set(.head(.w), to: Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in
                    Float(0.2 * stream.nextNormal())
                }))
                let images = (0..<4).map { _ in
                    Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in stream.nextFloat() })
                }
                let lossWeights = Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in Float(stream.nextNormal()) })

                /// Runs the sequence with `eta`; returns the last sample's loss and its eta gradient.
                func run(eta: Float) -> (loss: Double, etaGradient: Float) {
                    var moved = parameters
                    moved.set(.head(.eta), to: Tensor(shape: [1], scalars: [eta]))
                    var trace = PlasticTrace.zero(for: configuration)
                    for image in images.dropLast() {
                        let pass = network.forward(image: image, parameters: moved, trace: trace)
                        trace = network.updatedTrace(after: pass, parameters: moved)
                    }
                    let pass = network.forward(image: images.last!, parameters: moved, trace: trace)
                    let loss = zip(pass.probabilities.scalars, lossWeights.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                    let gradients = network.backward(pass, probabilityGradient: lossWeights, parameters: moved)
                    return (loss, gradients[.head(.eta)]!.scalars[0])
                }
                let eta: Float = 0.3, epsilon: Float = 1e-3
                let analytic = Double(run(eta: eta).etaGradient)
                let numeric = (run(eta: eta + epsilon).loss - run(eta: eta - epsilon).loss) / (2 * Double(epsilon))
                XCTAssertGreaterThan(abs(analytic), 1e-2, "the trace must matter for the check to mean something")
                XCTAssertEqual(numeric, analytic, accuracy: 1e-2 * abs(analytic), "\(rule)/\(alpha)")
            }
        }
    }

    /// Without learnEta, eta gets no gradient (as in the original, where the trace is detached).
    func testEtaHasNoGradientWithoutLearnEta() throws {
        let configuration = ModelConfiguration(rule: .hebb, width: 1, size: size)
        let network = PlasticNetwork(configuration: configuration, kernels: ReferenceKernels())
        let parameters = ParameterSet.initialised(for: configuration, seed: 8)
        var stream = RandomStream(seed: 3, name: "test")
        let image = Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in stream.nextFloat() })
        let trace = PlasticTrace(hebb: Tensor(shape: [size, size], repeating: 0.5), etaSensitivity: nil, samples: 1)
        let pass = network.forward(image: image, parameters: parameters, trace: trace)
        let gradients = network.backward(pass, probabilityGradient: Tensor(shape: [size, size], repeating: 1),
                                         parameters: parameters)
        XCTAssertEqual(gradients[.head(.eta)]?.scalars, [0])
        XCTAssertNotEqual(gradients[.head(.alpha)]?.scalars.allSatisfy { $0 == 0 }, true)
    }
}
