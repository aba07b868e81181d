import Kernels
import XCTest

/// Every backward function against central finite differences of its forward function.
///
/// The loss is `L = Σ y ⊙ r` for a fixed random r, accumulated in Double, so that
/// `dL/dy = r` and the analytic gradient is the backward function applied to r. The step
/// h = 2^-6 is exact on the inputs (multiples of 2^-23 in [-1, 1)), and the numeric
/// derivative divides by the step actually taken.
final class GradientCheckTests: XCTestCase {
    private let step: Float = 1.0 / 64
    private let implementations: [any ConvolutionKernels] = [ReferenceKernels(), FastKernels(threadCount: 2)]

    /// `Σ y ⊙ r` in Double.
    private func loss(_ y: Tensor, _ r: Tensor) -> Double {
        zip(y.scalars, r.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Compares `analytic` with the central difference of `L(forward(x))` in every
    /// element of `x`, within max(2e-3, 1e-3·scale) (float32 forward passes).
    private func checkGradient(_ name: String, at x: Tensor, analytic: Tensor, r: Tensor,
                               forward: (Tensor) -> Tensor, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(analytic.shape, x.shape, name, file: file, line: line)
        for i in 0..<x.count {
            var plus = x, minus = x
            plus.scalars[i] += step
            minus.scalars[i] -= step
            let numeric = (loss(forward(plus), r) - loss(forward(minus), r))
                / Double(plus.scalars[i] - minus.scalars[i])
            let expected = Double(analytic.scalars[i])
            let tolerance = max(2e-3, 1e-3 * max(abs(numeric), abs(expected)))
            XCTAssertLessThanOrEqual(abs(numeric - expected), tolerance, "\(name)[\(i)]: numeric \(numeric)",
                                     file: file, line: line)
        }
    }

    private func checkConvolution(inChannels: Int, outChannels: Int, height: Int, width: Int,
                                  kernelSize: Int, padding: Int, seed: UInt64) {
        var random = TestRandom(seed: seed)
        let x = random.tensor([inChannels, height, width])
        let w = random.tensor([outChannels, inChannels, kernelSize, kernelSize])
        let b = random.tensor([outChannels])
        let forward = ReferenceKernels().convolve(x, weight: w, bias: b, padding: padding)
        let r = random.tensor(forward.shape)
        for kernels in implementations {
            let name = "\(type(of: kernels)) k \(kernelSize) p \(padding)"
            checkGradient("\(name) dx", at: x, analytic: kernels.convolveInputGradient(r, weight: w, padding: padding),
                          r: r) { kernels.convolve($0, weight: w, bias: b, padding: padding) }
            let gradients = kernels.convolveParameterGradients(r, input: x, kernelSize: kernelSize, padding: padding)
            checkGradient("\(name) dw", at: w, analytic: gradients.weight, r: r) {
                kernels.convolve(x, weight: $0, bias: b, padding: padding)
            }
            checkGradient("\(name) db", at: b, analytic: gradients.bias, r: r) {
                kernels.convolve(x, weight: w, bias: $0, padding: padding)
            }
        }
    }

    func testConvolution3x3Padding1() {
        checkConvolution(inChannels: 2, outChannels: 3, height: 5, width: 4, kernelSize: 3, padding: 1, seed: 1)
    }

    func testConvolution1x1Padding0() {
        checkConvolution(inChannels: 3, outChannels: 2, height: 3, width: 5, kernelSize: 1, padding: 0, seed: 2)
    }

    func testTransposedConvolution() {
        var random = TestRandom(seed: 3)
        let x = random.tensor([2, 3, 2])
        let w = random.tensor([2, 3, 3, 3])
        let b = random.tensor([3])
        let r = random.tensor([3, 7, 5])
        for kernels in implementations {
            let name = "\(type(of: kernels)) transposed"
            checkGradient("\(name) dx", at: x, analytic: kernels.transposedConvolveInputGradient(r, weight: w), r: r) {
                kernels.transposedConvolve($0, weight: w, bias: b)
            }
            let gradients = kernels.transposedConvolveParameterGradients(r, input: x)
            checkGradient("\(name) dw", at: w, analytic: gradients.weight, r: r) {
                kernels.transposedConvolve(x, weight: $0, bias: b)
            }
            checkGradient("\(name) db", at: b, analytic: gradients.bias, r: r) {
                kernels.transposedConvolve(x, weight: w, bias: $0)
            }
        }
    }

    func testMaxPoolOnOddSizes() {
        // Distinct values 0.05 apart, so a step of 1/64 never changes a window's maximum.
        var random = TestRandom(seed: 4)
        var values = (0..<(2 * 5 * 7)).map { Float($0) * 0.05 - 1.7 }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, random.int(in: 0...i))
        }
        let x = Tensor(shape: [2, 5, 7], scalars: values)
        let (pooled, argmax) = Pooling.maxPool2x2(x)
        let r = random.tensor(pooled.shape)
        checkGradient("max-pool", at: x, analytic: Pooling.maxPool2x2Gradient(r, argmax: argmax, inputShape: x.shape),
                      r: r) { Pooling.maxPool2x2($0).output }
    }

    func testRelu() {
        // Inputs at least 0.1 away from the kink.
        var random = TestRandom(seed: 5)
        let x = Tensor(shape: [2, 3, 3], scalars: (0..<18).map { _ in
            let u = random.float()
            return u < 0 ? u - 0.1 : u + 0.1
        })
        let r = random.tensor(x.shape)
        checkGradient("relu", at: x, analytic: Activation.reluGradient(r, input: x), r: r) { Activation.relu($0) }
    }

    func testCropLeading() {
        var random = TestRandom(seed: 6)
        let x = random.tensor([2, 5, 4])
        let r = random.tensor([2, 4, 3])
        let analytic = ChannelOperations.cropLeadingGradient(r, originalHeight: 5, originalWidth: 4)
        checkGradient("crop", at: x, analytic: analytic, r: r) { ChannelOperations.cropLeading($0, height: 4, width: 3) }
    }

    func testConcatenate() {
        var random = TestRandom(seed: 7)
        let a = random.tensor([2, 3, 3]), b = random.tensor([1, 3, 3])
        let r = random.tensor([3, 3, 3])
        let (da, db) = ChannelOperations.splitGradient(r, firstChannels: 2)
        checkGradient("concat a", at: a, analytic: da, r: r) { ChannelOperations.concatenate($0, b) }
        checkGradient("concat b", at: b, analytic: db, r: r) { ChannelOperations.concatenate(a, $0) }
    }

    func testDropChannels() {
        var random = TestRandom(seed: 8)
        let x = random.tensor([3, 2, 3])
        let r = random.tensor(x.shape)
        let keep = [true, false, true]
        checkGradient("dropout", at: x, analytic: ChannelOperations.dropChannels(r, keep: keep, scale: 2), r: r) {
            ChannelOperations.dropChannels($0, keep: keep, scale: 2)
        }
    }
}
