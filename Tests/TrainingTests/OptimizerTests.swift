import Kernels
import PlasticUNet
import Training
import XCTest

final class OptimizerTests: XCTestCase {
    private func oneScalarModel(_ value: Float) -> ParameterSet {
        ParameterSet(specs: [ParameterSpec(name: .head(.w), shape: [1], initialisation: .constant(0))],
                     tensors: [Tensor(shape: [1], scalars: [value])])
    }

    /// Two steps by hand (lr 0.1, betas 0.9 / 0.999, eps 1e-8), from p = 1:
    /// step 1, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, p = 1 - 0.1 · 0.5 / (0.5 + 1e-8) ≈ 0.9;
    /// step 2, g = -0.25: m = 0.02, v = 0.00031225, m̂ = 0.02 / 0.19, v̂ = 0.00031225 / 0.001999,
    /// p = 0.9 - 0.1 · m̂ / (sqrt(v̂) + 1e-8) ≈ 0.873366.
    func testTwoAdamStepsMatchTheHandComputation() {
        var parameters = oneScalarModel(1)
        var adam = Adam(parameters: parameters)
        adam.update(&parameters, gradients: oneScalarModel(0.5), learningRate: 0.1)
        XCTAssertEqual(parameters.tensors[0].scalars[0], 0.9, accuracy: 1e-6)
        XCTAssertEqual(adam.firstMoments[0].scalars[0], 0.05, accuracy: 1e-8)
        XCTAssertEqual(adam.secondMoments[0].scalars[0], 0.00025, accuracy: 1e-10)
        adam.update(&parameters, gradients: oneScalarModel(-0.25), learningRate: 0.1)
        let mHat = 0.02 / 0.19, vHat = 0.00031225 / 0.001999
        XCTAssertEqual(Double(parameters.tensors[0].scalars[0]), 0.9 - 0.1 * mHat / (vHat.squareRoot() + 1e-8),
                       accuracy: 1e-6)
        XCTAssertEqual(Double(parameters.tensors[0].scalars[0]), 0.873366, accuracy: 1e-6)
        XCTAssertEqual(adam.step, 2)
    }

    /// A zero gradient from zero moments leaves a parameter exactly where it is (as PyTorch,
    /// which skips a parameter without gradient).
    func testAZeroGradientMovesNothing() {
        var parameters = oneScalarModel(0.01)
        var adam = Adam(parameters: parameters)
        for _ in 0..<3 { adam.update(&parameters, gradients: oneScalarModel(0), learningRate: 0.1) }
        XCTAssertEqual(parameters.tensors[0].scalars, [0.01])
    }

    func testStepLearningRateDropsEveryStepSizeUpdates() {
        let schedule = StepLearningRate(base: 0.1, gamma: 0.5, stepSize: 3)
        XCTAssertEqual((0..<7).map { schedule.rate(atStep: $0) }, [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    /// y = (0.5, 0.25, 0, 1), t = (1, 0, 1, 0): the losses are ln 2, ln(4/3), 100 and 100
    /// (clamped), their mean 50.2452...; the gradients (1/4)(y - t)/max(y(1-y), 1e-12) are
    /// -0.5, 1/3, -2.5e11 and 2.5e11.
    func testBinaryCrossEntropyClampsLikePyTorch() {
        let y = Tensor(shape: [2, 2], scalars: [0.5, 0.25, 0, 1])
        let mask: [UInt8] = [1, 0, 1, 0]
        XCTAssertEqual(BinaryCrossEntropy.loss(y, mask: mask), (log(2) + log(4.0 / 3) + 200) / 4, accuracy: 1e-12)
        let gradient = BinaryCrossEntropy.gradient(y, mask: mask).scalars
        XCTAssertEqual(gradient[0], -0.5, accuracy: 1e-7)
        XCTAssertEqual(gradient[1], 1.0 / 3, accuracy: 1e-7)
        XCTAssertEqual(gradient[2], -2.5e11, accuracy: 1e5)
        XCTAssertEqual(gradient[3], 2.5e11, accuracy: 1e5)
    }
}
