import Kernels
import PlasticUNet
import TGSData
import Training
import XCTest

/// An update made a tensor at a time as gradients arrive (``AdamUpdate``) against the
/// update of the whole set at once (``Adam/update(_:gradients:learningRate:threadCount:)``):
/// the same parameters, moments and digests, whatever the order of the gradients, with
/// zeros for the tensors that get none, and the first tensor that is not finite named.
final class AdamUpdateTests: XCTestCase {
    /// Three tensors, one of them longer than a digest block (``StateDigest/blockElements``).
    private static let specs = [
        ParameterSpec(name: .head(.w), shape: [3, 5], initialisation: .constant(0)),
        ParameterSpec(name: .head(.alpha), shape: [StateDigest.blockElements + 7], initialisation: .constant(0)),
        ParameterSpec(name: .head(.eta), shape: [1], initialisation: .constant(0)),
    ]

    /// Tensors of `specs` with values from a sine of `seed`, so that each differs.
    private func tensors(_ seed: Float) -> ParameterSet {
        ParameterSet(specs: Self.specs, tensors: Self.specs.map { spec in
            Tensor(shape: spec.shape, scalars: (0..<spec.scalarCount).map { sin(seed + Float($0) * 0.37) })
        })
    }

    /// Two steps each way; the second starts from the moments the first left.
    func testGradientsInAnyOrderGiveTheWholeSetsUpdate() {
        var wholeParameters = tensors(1), wholeAdam = Adam(parameters: wholeParameters)
        var streamedParameters = tensors(1), streamedAdam = Adam(parameters: streamedParameters)
        for (step, seed) in [Float(2), 3].enumerated() {
            let gradients = tensors(seed)
            let whole = wholeAdam.updateDigesting(&wholeParameters, gradients: gradients, learningRate: 0.01,
                                                  threadCount: 2)
            let update = streamedAdam.beginUpdate(of: streamedParameters, learningRate: 0.01, digesting: true)
            for (spec, gradient) in zip(gradients.specs, gradients.tensors).reversed() {
                update.receive(gradient, for: spec.name)
            }
            let outcome = streamedAdam.finishUpdate(update)
            streamedParameters = outcome.parameters
            XCTAssertEqual(streamedParameters, wholeParameters, "step \(step + 1)")
            XCTAssertEqual(streamedAdam, wholeAdam, "step \(step + 1)")
            XCTAssertNil(outcome.firstNonFinite)
            XCTAssertNil(whole.firstNonFinite)
            XCTAssertEqual(outcome.digests?.parameters, whole.parameters)
            XCTAssertEqual(outcome.digests?.optimizer, whole.optimizer)
        }
    }

    /// A tensor that receives no gradient is updated with zeros, as the whole set's update
    /// updates a zero gradient (which moves it, with moments that are not zero); an update
    /// begun without digests gives none.
    func testATensorWithoutGradientIsUpdatedWithZeros() {
        var gradients = tensors(4)
        gradients.set(.head(.alpha), to: Tensor(shape: Self.specs[1].shape))
        let secondMoments = tensors(6).tensors.map { Tensor(shape: $0.shape, scalars: $0.scalars.map(abs)) }
        func adam() -> Adam {
            Adam(parameters: tensors(1), step: 3, firstMoments: tensors(5).tensors, secondMoments: secondMoments)
        }
        var wholeParameters = tensors(1), wholeAdam = adam()
        wholeAdam.update(&wholeParameters, gradients: gradients, learningRate: 0.1)
        XCTAssertNotEqual(wholeParameters.tensors[1], tensors(1).tensors[1])
        var streamedAdam = adam()
        let update = streamedAdam.beginUpdate(of: tensors(1), learningRate: 0.1, digesting: false)
        update.receive(gradients.tensors[0], for: .head(.w))
        update.receive(gradients.tensors[2], for: .head(.eta))
        let outcome = streamedAdam.finishUpdate(update)
        XCTAssertEqual(outcome.parameters, wholeParameters)
        XCTAssertEqual(streamedAdam, wholeAdam)
        XCTAssertNil(outcome.digests)
    }

    /// The parameters read from an update are those of before, until their gradient arrives.
    func testTheUpdateLendsTheParametersOfBefore() {
        var adam = Adam(parameters: tensors(1))
        let update = adam.beginUpdate(of: tensors(1), learningRate: 0.1, digesting: false)
        update.receive(tensors(2).tensors[0], for: .head(.w))
        XCTAssertEqual(update.require(.head(.alpha)), tensors(1).tensors[1])
        XCTAssertNotEqual(adam.finishUpdate(update).parameters.tensors[0], tensors(1).tensors[0])
    }

    /// A NaN in a gradient names that tensor's gradient; a finite gradient whose update
    /// overflows (a learning rate of 1e39 rounds to an infinite step) names the update.
    func testTheFirstTensorThatIsNotFiniteIsNamed() {
        var nanGradients = tensors(2)
        nanGradients.set(.head(.alpha), to: Tensor(shape: Self.specs[1].shape, repeating: .nan))
        var adam = Adam(parameters: tensors(1))
        let update = adam.beginUpdate(of: tensors(1), learningRate: 0.1, digesting: false)
        for (spec, gradient) in zip(nanGradients.specs, nanGradients.tensors) {
            update.receive(gradient, for: spec.name)
        }
        let nonFinite = adam.finishUpdate(update).firstNonFinite
        XCTAssertEqual(nonFinite?.index, 1)
        XCTAssertEqual(nonFinite?.inGradient, true)

        var overflowing = Adam(parameters: tensors(1))
        let overflow = overflowing.beginUpdate(of: tensors(1), learningRate: 1e39, digesting: false)
        let overflowed = overflowing.finishUpdate(overflow).firstNonFinite
        XCTAssertEqual(overflowed?.index, 0)
        XCTAssertEqual(overflowed?.inGradient, false)
    }

    /// A backward pass on two threads handing its gradients to an update, which the pass
    /// also reads its parameters from, gives what the pass's whole gradient set and the
    /// whole set's update give.
    func testABackwardPassIntoAnUpdateGivesTheUpdateOfItsGradients() {
        let configuration = ModelConfiguration(rule: .oja, alpha: .free, width: 2, size: 32)
        let network = PlasticNetwork(configuration: configuration, kernels: FastKernels(threadCount: 2))
        let sample = SyntheticSeismic(size: 32, seed: 5).dataSet(count: 1).samples[0]
        let parameters = ParameterSet.initialised(for: configuration, seed: 6)
        let trace = PlasticTrace.zero(for: configuration)
        let image = Tensor(shape: [32, 32], scalars: sample.image)
        func probabilityGradient(_ pass: PlasticNetwork.ForwardPass) -> Tensor {
            BinaryCrossEntropy.gradient(pass.probabilities, mask: sample.mask)
        }

        let wholePass = network.forward(image: image, parameters: parameters, trace: trace)
        let gradients = network.backward(wholePass, probabilityGradient: probabilityGradient(wholePass),
                                         parameters: parameters)
        var wholeParameters = parameters, wholeAdam = Adam(parameters: parameters)
        wholeAdam.update(&wholeParameters, gradients: gradients, learningRate: 1e-3)

        var adam = Adam(parameters: parameters)
        let pass = network.forward(image: image, parameters: parameters, trace: trace)
        let update = adam.beginUpdate(of: parameters, learningRate: 1e-3, digesting: false)
        network.backward(pass, probabilityGradient: probabilityGradient(pass), parameters: update, into: update)
        let outcome = adam.finishUpdate(update)
        XCTAssertEqual(outcome.parameters, wholeParameters)
        XCTAssertEqual(adam, wholeAdam)
        XCTAssertNotEqual(outcome.parameters, parameters)
    }
}
