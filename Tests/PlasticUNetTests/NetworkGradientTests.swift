import Kernels
import PlasticUNet
import RandomStreams
import XCTest

/// Finite-difference checks of the whole network's gradients, for every rule and alpha
/// kind, at a small size whose up path crops (21 -> 10 -> 5 -> 2 -> 1).
final class NetworkGradientTests: XCTestCase {
    private let size = 21

    private func configurations() -> [ModelConfiguration] {
        var result: [ModelConfiguration] = []
        for rule in PlasticityRule.allCases {
            for alpha in rule == .none ? [AlphaKind.free] : AlphaKind.allCases {
                result.append(ModelConfiguration(rule: rule, alpha: alpha, width: 2, size: size))
            }
        }
        return result
    }

    /// L = Σ Y ⊙ R for a fixed random R, in double precision.
    private func loss(_ probabilities: Tensor, _ weights: [Float]) -> Double {
        zip(probabilities.scalars, weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    private func randomTensor(_ shape: [Int], _ stream: inout RandomStream, scale: Double = 1) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in Float(scale * stream.nextNormal()) })
    }

    /// A non-zero trace, so the plastic terms take part.
    private func trace(for configuration: ModelConfiguration, _ stream: inout RandomStream) -> PlasticTrace? {
        guard configuration.isPlastic else { return nil }
        return PlasticTrace(hebb: randomTensor([size, size], &stream, scale: 0.5), etaSensitivity: nil, samples: 3)
    }

    /// Parameters for which the loss is smooth, so that finite differences measure the
    /// derivative (across a ReLU kink they measure something else), while every path of
    /// the network keeps a gain near 1 (so an error on any path shows): every convolution
    /// weight made non-negative and scaled so that each output channel's weights sum to
    /// 1/2, every bias +0.1 — so every ReLU input is positive — except channel 0 of each
    /// block's entry convolution, whose bias -1000 keeps it switched off (so the gradient
    /// masks of ReLU take part too).
    private func smoothRegime(_ parameters: ParameterSet) -> ParameterSet {
        var result = parameters
        for layer in NetworkLayout.convolutions(width: 2) {
            let weightName = layer.parameterName(.weight), biasName = layer.parameterName(.bias)
            let weight = parameters[weightName]!
            var scalars = weight.scalars.map(abs)
            for outChannel in 0..<layer.outChannels {
                let indices = weightIndices(of: layer, outChannel: outChannel)
                let sum = indices.reduce(Float(0)) { $0 + scalars[$1] }
                for index in indices { scalars[index] *= 0.5 / sum }
            }
            result.set(weightName, to: Tensor(shape: weight.shape, scalars: scalars))
            var bias = [Float](repeating: 0.1, count: layer.outChannels)
            if layer.name.hasSuffix(".conv") { bias[0] = -1000 }
            result.set(biasName, to: Tensor(shape: [layer.outChannels], scalars: bias))
        }
        return result
    }

    /// The flat indices of the weights that feed output channel `outChannel`.
    private func weightIndices(of layer: ConvolutionLayer, outChannel: Int) -> [Int] {
        let taps = layer.kernelSize * layer.kernelSize
        return (0..<layer.inChannels).flatMap { inChannel -> Range<Int> in
            let start = layer.kind == .transposed3x3
                ? (inChannel * layer.outChannels + outChannel) * taps
                : (outChannel * layer.inChannels + inChannel) * taps
            return start..<start + taps
        }
    }

    /// Head weights that keep the logits A · w near unit scale, so the sigmoid is not
    /// saturated.
    private func headWeights(for network: PlasticNetwork, _ parameters: ParameterSet, image: Tensor,
                             _ stream: inout RandomStream) -> Tensor {
        let a = network.forward(image: image, parameters: parameters, trace: nil).headInput
        return randomTensor([size, size], &stream, scale: 1 / (rootMeanSquare(a) * Double(size).squareRoot()))
    }

    private func rootMeanSquare(_ x: Tensor) -> Double {
        (x.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
    }

    /// The gradient scaled to unit RMS plus a random unit-RMS part: the loss changes
    /// enough along it to rise above float32 rounding, and an error in any component of
    /// the gradient still shows.
    private func steepDirection(_ gradient: Tensor, _ stream: inout RandomStream) -> Tensor {
        let rms = rootMeanSquare(gradient)
        let random = randomTensor(gradient.shape, &stream)
        guard rms > 0 else { return random }
        return Tensor(shape: gradient.shape, scalars: zip(gradient.scalars, random.scalars).map {
            Float(Double($0) / rms) + 0.5 * $1
        })
    }

    func testEveryParameterGradientMatchesFiniteDifferences() throws {
        for configuration in configurations() {
            var stream = RandomStream(seed: 17, name: "test")
            let network = PlasticNetwork(configuration: configuration, kernels: ReferenceKernels())
            var parameters = smoothRegime(ParameterSet.initialised(for: configuration, seed: 3))
            let image = Tensor(shape: [size, size], scalars: (0..<size * size).map { _ in stream.nextFloat() })
            parameters.set(.head(.w), to: headWeights(for: network, parameters, image: image, &stream))
            let lossWeights = (0..<size * size).map { _ in Float(stream.nextNormal()) }
            let trace = trace(for: configuration, &stream)
            // Every dropout layer drops its last channel and doubles the others: every path stays open.
            let dropout = DropoutDecisions(layers: DropoutDecisions.channelCounts(width: 2).map { channels in
                DropoutDecisions.Layer(keep: (0..<channels).map { $0 != channels - 1 }, scale: 2)
            })
            let pass = network.forward(image: image, parameters: parameters, trace: trace, dropout: dropout)
            let gradients = network.backward(pass, probabilityGradient: Tensor(shape: [size, size], scalars: lossWeights),
                                             parameters: parameters)
            for (index, spec) in parameters.specs.enumerated() where spec.name != .head(.eta) {
                let direction = steepDirection(gradients.tensors[index], &stream)
                let analytic = zip(gradients.tensors[index].scalars, direction.scalars)
                    .reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                // A step that moves the loss by about 1e-3 (far above its float32 rounding, about
                // 1e-6 here) unless that would move the tensor by more than 5% of its typical
                // element (the loss is curved beyond that).
                let scale = Double(parameters.tensors[index].scalars.map(abs).sorted()[spec.scalarCount / 2])
                let epsilon = Float(min(0.05 * scale, 5e-4 / max(abs(analytic), 1e-9)))
                func lossAlong(_ t: Float) -> Double {
                    var moved = parameters
                    let original = parameters.tensors[index].scalars
                    moved.set(spec.name, to: Tensor(shape: spec.shape, scalars: zip(original, direction.scalars).map {
                        $0 + t * $1
                    }))
                    return loss(network.forward(image: image, parameters: moved, trace: trace, dropout: dropout)
                        .probabilities, lossWeights)
                }
                let numeric = (lossAlong(epsilon) - lossAlong(-epsilon)) / (2 * Double(epsilon))
                let roundingAllowance = 4e-6 / (2 * Double(epsilon))
                XCTAssertEqual(numeric, analytic, accuracy: 2e-2 * abs(analytic) + roundingAllowance,
                               "\(configuration.rule)/\(configuration.alpha) \(spec.name)")
            }
        }
    }
}
