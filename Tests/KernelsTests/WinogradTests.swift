import Kernels
import XCTest

/// Winograd's arithmetic: the fast kernels give the reference's bits on every path and
/// thread count, batches give each image's bits, the result is the convolution (against
/// float64), and the gradients are its adjoints.
final class WinogradTests: XCTestCase {
    private let reference = ReferenceKernels()

    /// (Ci, Co, H, W): single pixels, sides below, at and past a tile, odd edges, wide rows
    /// (more than eight tiles in lanes) and more channels than a vector.
    private let shapes: [(Int, Int, Int, Int)] = [
        (1, 1, 1, 1), (1, 3, 4, 4), (2, 1, 5, 5), (3, 2, 7, 9), (1, 1, 13, 2), (9, 17, 6, 6), (4, 5, 12, 37),
        (17, 3, 3, 25), (2, 2, 25, 25),
    ]

    func testFastKernelsGiveTheReferenceBitsOnEveryPathAndThreadCount() {
        var random = TestRandom(seed: 41)
        for (ci, co, h, w) in shapes {
            let input = random.tensor([ci, h, w])
            let weight = random.tensor([co, ci, 3, 3])
            let bias = random.tensor([co])
            let outputGradient = random.tensor([co, h, w])
            let forward = reference.winogradConvolve(input, weight: weight, bias: bias)
            let inputGradient = reference.winogradConvolveInputGradient(outputGradient, weight: weight)
            let parameters = reference.winogradConvolveParameterGradients(outputGradient, input: input)
            for path in KernelPath.supported {
                for threads in [1, 2, 3] {
                    let fast = FastKernels(threadCount: threads, path: path)
                    let what = "Ci \(ci) Co \(co) \(h)x\(w), \(path), \(threads) threads"
                    assertSameBits(fast.winogradConvolve(input, weight: weight, bias: bias), forward, "forward, " + what)
                    assertSameBits(fast.winogradConvolveInputGradient(outputGradient, weight: weight), inputGradient,
                                   "input gradient, " + what)
                    let fastParameters = fast.winogradConvolveParameterGradients(outputGradient, input: input)
                    assertSameBits(fastParameters.weight, parameters.weight, "weight gradient, " + what)
                    assertSameBits(fastParameters.bias, parameters.bias, "bias gradient, " + what)
                }
            }
        }
    }

    func testEachImageOfABatchHasItsOwnBits() {
        var random = TestRandom(seed: 42)
        let images = (0..<3).map { _ in random.tensor([5, 9, 11]) }
        let weight = random.tensor([6, 5, 3, 3])
        let bias = random.tensor([6])
        let fast = FastKernels(threadCount: 2)
        let batch = fast.winogradConvolve(Tensor(stacking: images), weight: weight, bias: bias)
        for (n, alone) in batch.images().enumerated() {
            assertSameBits(alone, fast.winogradConvolve(images[n], weight: weight, bias: bias), "image \(n)")
            assertSameBits(alone, reference.winogradConvolve(images[n], weight: weight, bias: bias), "image \(n)")
        }
    }

    /// A 3 x 3 box of ones over a 5 x 6 image of ones counts each pixel's neighbours inside
    /// the image: 4 at the corners, 6 on the edges, 9 inside (to float rounding, since G
    /// holds thirds and fifteenths).
    func testABoxOfOnesCountsNeighbours() {
        let output = FastKernels(threadCount: 1).winogradConvolve(
            Tensor(shape: [1, 5, 6], repeating: 1), weight: Tensor(shape: [1, 1, 3, 3], repeating: 1),
            bias: Tensor(shape: [1], scalars: [0.5]))
        for y in 0..<5 {
            for x in 0..<6 {
                let rows = (y == 0 || y == 4) ? 2 : 3
                let columns = (x == 0 || x == 5) ? 2 : 3
                XCTAssertEqual(output.scalars[y * 6 + x], Float(rows * columns) + 0.5, accuracy: 4e-6, "(\(y), \(x))")
            }
        }
    }

    /// The error against the convolution computed in float64 stays below 1e-5 of the
    /// output's largest magnitude at the network's deepest shape (256 channels), with
    /// ReLU-like inputs and He-scaled weights.
    func testErrorAgainstFloat64IsBelowTheBound() {
        var random = TestRandom(seed: 43)
        let (ci, co, side) = (256, 32, 12)
        let input = Tensor(shape: [ci, side, side], scalars: (0..<ci * side * side).map { _ in max(0, random.float()) })
        let scale = Float((2.0 / Double(9 * ci)).squareRoot() * 3.0.squareRoot())
        let weight = Tensor(shape: [co, ci, 3, 3], scalars: (0..<co * ci * 9).map { _ in random.float() * scale })
        let bias = Tensor(shape: [co], repeating: 0)
        let output = FastKernels(threadCount: 2).winogradConvolve(input, weight: weight, bias: bias)
        let exact = Float64Convolution.convolve(input, weight: weight)
        let largest = exact.map(abs).max() ?? 0
        let error = zip(output.scalars, exact).map { abs(Double($0) - $1) }.max() ?? 0
        XCTAssertLessThan(error, 1e-5 * largest, "error \(error) against largest \(largest)")
        XCTAssertGreaterThan(error, 0, "the arithmetic rounds: an error of 0 means the float64 reference was not used")
    }

    /// `⟨dy, conv(x) - bias⟩ = ⟨dx, x⟩ = ⟨dw, w⟩` and the bias gradient sums dy: the
    /// gradients are the adjoints of the forward pass (to float rounding).
    func testGradientsAreTheAdjointsOfTheForwardPass() {
        var random = TestRandom(seed: 44)
        let (ci, co, h, w) = (6, 7, 10, 13)
        let input = random.tensor([ci, h, w])
        let weight = random.tensor([co, ci, 3, 3])
        let outputGradient = random.tensor([co, h, w])
        let fast = FastKernels(threadCount: 2)
        let output = fast.winogradConvolve(input, weight: weight, bias: Tensor(shape: [co], repeating: 0))
        let inputGradient = fast.winogradConvolveInputGradient(outputGradient, weight: weight)
        let parameters = fast.winogradConvolveParameterGradients(outputGradient, input: input)
        let outputSide = Self.dot(outputGradient.scalars, output.scalars)
        XCTAssertEqual(Self.dot(inputGradient.scalars, input.scalars), outputSide, accuracy: 1e-4 * abs(outputSide))
        XCTAssertEqual(Self.dot(parameters.weight.scalars, weight.scalars), outputSide,
                       accuracy: 1e-4 * abs(outputSide))
        for c in 0..<co {
            let sum = outputGradient.scalars[(c * h * w)..<((c + 1) * h * w)].reduce(0.0) { $0 + Double($1) }
            XCTAssertEqual(Double(parameters.bias.scalars[c]), sum, accuracy: 1e-4)
        }
    }

    private static func dot(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
}

/// The stride-1, padding-1 3 x 3 convolution in float64, without bias.
enum Float64Convolution {
    static func convolve(_ input: Tensor, weight: Tensor) -> [Double] {
        let (ci, h, w) = (input.shape[0], input.shape[1], input.shape[2])
        let co = weight.shape[0]
        var output = [Double](repeating: 0, count: co * h * w)
        for o in 0..<co {
            for c in 0..<ci {
                for kh in 0..<3 {
                    for kw in 0..<3 {
                        let factor = Double(weight.scalars[((o * ci + c) * 3 + kh) * 3 + kw])
                        for y in 0..<h where (0..<h).contains(y + kh - 1) {
                            for x in 0..<w where (0..<w).contains(x + kw - 1) {
                                output[(o * h + y) * w + x] +=
                                    factor * Double(input.scalars[(c * h + y + kh - 1) * w + x + kw - 1])
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
