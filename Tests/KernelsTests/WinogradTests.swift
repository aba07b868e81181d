import Kernels
import XCTest

/// Winograd's arithmetic: the fast kernels give the reference's bits on every path and
/// thread count, batches give each image's bits, the result is the convolution (against
/// float64), and the gradients are its adjoints.
final class WinogradTests: XCTestCase {
    private let reference = ReferenceKernels()

    /// (Ci, Co, H, W): the smallest side, sides one past a tile and one short of one,
    /// wide rows (more than eight tiles in lanes), more channels than a vector, bands of
    /// tile rows with a shorter last one and output channels in blocks with a shorter last
    /// one, and images too small for the arithmetic (direct).
    private let shapes: [(Int, Int, Int, Int)] = [
        (1, 1, 9, 9), (3, 2, 9, 11), (1, 1, 10, 13), (2, 3, 11, 26), (9, 17, 12, 12), (4, 5, 12, 37),
        (17, 3, 9, 25), (2, 2, 25, 25), (5, 40, 30, 30), (3, 20, 50, 50), (1, 1, 1, 1), (2, 3, 8, 40),
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
                    assertSameBits(fast.winogradConvolve(input, weight: fast.winogradWeight(weight), bias: bias),
                                   forward, "forward with the weight prepared, " + what)
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
        let preparedBatch = fast.winogradConvolve(Tensor(stacking: images), weight: fast.winogradWeight(weight),
                                                  bias: bias)
        assertSameBits(preparedBatch, batch, "the batch with the weight prepared")
        for (n, alone) in batch.images().enumerated() {
            assertSameBits(alone, fast.winogradConvolve(images[n], weight: weight, bias: bias), "image \(n)")
            assertSameBits(alone, reference.winogradConvolve(images[n], weight: weight, bias: bias), "image \(n)")
        }
    }

    /// Images with a side below nine compute the direct arithmetic.
    func testSmallImagesUseTheDirectArithmetic() {
        var random = TestRandom(seed: 45)
        for (h, w) in [(8, 8), (6, 30), (30, 5), (1, 1)] {
            let input = random.tensor([3, h, w])
            let weight = random.tensor([4, 3, 3, 3])
            let bias = random.tensor([4])
            let outputGradient = random.tensor([4, h, w])
            let fast = FastKernels(threadCount: 2)
            assertSameBits(fast.winogradConvolve(input, weight: weight, bias: bias),
                           fast.convolve(input, weight: weight, bias: bias, padding: 1), "\(h)x\(w)")
            assertSameBits(fast.winogradConvolveInputGradient(outputGradient, weight: weight),
                           fast.convolveInputGradient(outputGradient, weight: weight, padding: 1), "\(h)x\(w)")
            assertSameBits(fast.winogradConvolveParameterGradients(outputGradient, input: input).weight,
                           fast.convolveParameterGradients(outputGradient, input: input, kernelSize: 3,
                                                           padding: 1).weight, "\(h)x\(w)")
        }
    }

    /// A 3 x 3 box of ones over a 9 x 10 image of ones counts each pixel's neighbours inside
    /// the image: 4 at the corners, 6 on the edges, 9 inside (to float rounding, since G
    /// holds thirds and fifteenths).
    func testABoxOfOnesCountsNeighbours() {
        let output = FastKernels(threadCount: 1).winogradConvolve(
            Tensor(shape: [1, 9, 10], repeating: 1), weight: Tensor(shape: [1, 1, 3, 3], repeating: 1),
            bias: Tensor(shape: [1], scalars: [0.5]))
        for y in 0..<9 {
            for x in 0..<10 {
                let rows = (y == 0 || y == 8) ? 2 : 3
                let columns = (x == 0 || x == 9) ? 2 : 3
                XCTAssertEqual(output.scalars[y * 10 + x], Float(rows * columns) + 0.5, accuracy: 4e-6, "(\(y), \(x))")
            }
        }
    }

    /// The error against the convolution computed in float64 stays below 1e-5 of the
    /// output's largest magnitude at every image side of the default network that uses the
    /// arithmetic, with the most input channels a layer of that side has at width 16 (the
    /// up blocks' concatenations), ReLU-like inputs and He-scaled weights.
    func testErrorAgainstFloat64IsBelowTheBoundAtEveryLayerSide() {
        var random = TestRandom(seed: 43)
        for (inChannels, side) in [(32, 101), (64, 50), (128, 25), (256, 12)] {
            let outChannels = 4
            let input = Tensor(shape: [inChannels, side, side],
                               scalars: (0..<inChannels * side * side).map { _ in max(0, random.float()) })
            let scale = Float((6.0 / Double(9 * inChannels)).squareRoot())
            let weight = Tensor(shape: [outChannels, inChannels, 3, 3],
                                scalars: (0..<outChannels * inChannels * 9).map { _ in random.float() * scale })
            let output = FastKernels(threadCount: 2).winogradConvolve(input, weight: weight,
                                                                       bias: Tensor(shape: [outChannels]))
            let exact = Float64Convolution.convolve(input, weight: weight)
            let largest = exact.map(abs).max() ?? 0
            let error = zip(output.scalars, exact).map { abs(Double($0) - $1) }.max() ?? 0
            XCTAssertLessThan(error, 1e-5 * largest, "\(inChannels) channels at \(side): error \(error), largest \(largest)")
            XCTAssertGreaterThan(error, 0, "an error of 0 means the float64 reference was not used")
        }
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
