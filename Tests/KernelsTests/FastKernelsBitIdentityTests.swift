import Kernels
import XCTest

/// ``FastKernels`` returns exactly the bits of ``ReferenceKernels``, for every shape, every
/// thread count and every kernel path that this CPU can run (CI machines differ: each
/// checks the paths it has).
final class FastKernelsBitIdentityTests: XCTestCase {
    private let reference = ReferenceKernels()
    private let threadCounts = [1, 2, 3, 8]

    /// The extents of one test case: channels, spatial size, kernel size and padding.
    private struct Shape: CustomStringConvertible {
        let inChannels: Int
        let outChannels: Int
        let height: Int
        let width: Int
        let kernelSize: Int
        let padding: Int

        var outputHeight: Int { height + 2 * padding - kernelSize + 1 }
        var outputWidth: Int { width + 2 * padding - kernelSize + 1 }
        var description: String {
            "Ci \(inChannels) Co \(outChannels) \(height)x\(width) k \(kernelSize) p \(padding)"
        }
    }

    /// Tiny and edge shapes, grids smaller than the channel count (weight gradients through
    /// transposed im2col columns) and larger (through lane matrices), then random ones
    /// (channels 1...37, sides 1...40, k 1 or 3, every legal padding) kept small enough
    /// for a debug build.
    private func shapes(seed: UInt64) -> [Shape] {
        var shapes = [
            Shape(inChannels: 1, outChannels: 1, height: 1, width: 1, kernelSize: 3, padding: 1),
            Shape(inChannels: 1, outChannels: 1, height: 1, width: 1, kernelSize: 1, padding: 0),
            Shape(inChannels: 1, outChannels: 16, height: 7, width: 5, kernelSize: 3, padding: 1),
            Shape(inChannels: 37, outChannels: 7, height: 3, width: 2, kernelSize: 3, padding: 2),
            Shape(inChannels: 2, outChannels: 37, height: 1, width: 40, kernelSize: 3, padding: 1),
            Shape(inChannels: 3, outChannels: 13, height: 40, width: 3, kernelSize: 3, padding: 0),
            Shape(inChannels: 16, outChannels: 1, height: 17, width: 17, kernelSize: 1, padding: 0),
            Shape(inChannels: 30, outChannels: 33, height: 4, width: 3, kernelSize: 3, padding: 1),
            Shape(inChannels: 20, outChannels: 25, height: 2, width: 5, kernelSize: 1, padding: 0),
            // Wide tiles: 70 lanes of weight gradient, rows of 130 columns, 13 x 2 x 65 channels.
            Shape(inChannels: 3, outChannels: 70, height: 12, width: 12, kernelSize: 3, padding: 1),
            Shape(inChannels: 2, outChannels: 5, height: 3, width: 130, kernelSize: 3, padding: 1),
            Shape(inChannels: 65, outChannels: 13, height: 2, width: 2, kernelSize: 3, padding: 1),
            // Rows two short of a 6-row tile's panel (32 = 6·5 + 2, 20 = 6·3 + 2): the last
            // two panels are computed by two 4-row tiles.
            Shape(inChannels: 32, outChannels: 20, height: 4, width: 4, kernelSize: 3, padding: 1),
        ]
        var random = TestRandom(seed: seed)
        while shapes.count < 27 {
            let k = random.int(in: 0...1) == 0 ? 1 : 3
            let shape = Shape(inChannels: random.int(in: 1...37), outChannels: random.int(in: 1...37),
                              height: random.int(in: 1...40), width: random.int(in: 1...40),
                              kernelSize: k, padding: random.int(in: 0...(k - 1)))
            let work = shape.inChannels * shape.outChannels * k * k * shape.height * shape.width
            if shape.outputHeight >= 1, shape.outputWidth >= 1, work <= 150_000 {
                shapes.append(shape)
            }
        }
        return shapes
    }

    /// Runs `fast` with every kernel path and thread count and compares it with `expected`
    /// bit for bit.
    ///
    /// The kernels write their outputs into uninitialized memory, and the allocator tends to
    /// hand each call the memory of the previous call's output, which holds the right
    /// values: before each call, a block of that size filled with NaN is allocated and
    /// freed, so that an element that a kernel leaves unwritten shows.
    private func check(_ name: String, _ shape: Shape, expected: Tensor, _ fast: (FastKernels) -> Tensor,
                       file: StaticString = #filePath, line: UInt = #line) {
        for path in KernelPath.supported {
            for threads in threadCounts {
                withExtendedLifetime([Float](repeating: .nan, count: expected.scalars.count)) {}
                assertSameBits(fast(FastKernels(threadCount: threads, path: path)), expected,
                               "\(name), \(shape), \(path) path, \(threads) threads", file: file, line: line)
            }
        }
    }

    private func checkConvolutions(seed: UInt64, values: (inout TestRandom, [Int]) -> Tensor) {
        var random = TestRandom(seed: seed ^ 0xC0)
        for s in shapes(seed: seed) {
            let input = values(&random, [s.inChannels, s.height, s.width])
            let weight = values(&random, [s.outChannels, s.inChannels, s.kernelSize, s.kernelSize])
            let bias = values(&random, [s.outChannels])
            let outputGradient = values(&random, [s.outChannels, s.outputHeight, s.outputWidth])
            check("convolve", s, expected: reference.convolve(input, weight: weight, bias: bias, padding: s.padding)) {
                $0.convolve(input, weight: weight, bias: bias, padding: s.padding)
            }
            check("input gradient", s,
                  expected: reference.convolveInputGradient(outputGradient, weight: weight, padding: s.padding)) {
                $0.convolveInputGradient(outputGradient, weight: weight, padding: s.padding)
            }
            let expected = reference.convolveParameterGradients(outputGradient, input: input,
                                                                kernelSize: s.kernelSize, padding: s.padding)
            check("weight gradient", s, expected: expected.weight) {
                $0.convolveParameterGradients(outputGradient, input: input, kernelSize: s.kernelSize,
                                              padding: s.padding).weight
            }
            check("bias gradient", s, expected: expected.bias) {
                $0.convolveParameterGradients(outputGradient, input: input, kernelSize: s.kernelSize,
                                              padding: s.padding).bias
            }
        }
    }

    private func checkTransposedConvolutions(seed: UInt64, values: (inout TestRandom, [Int]) -> Tensor) {
        var random = TestRandom(seed: seed ^ 0x7C)
        for s in shapes(seed: seed) where s.kernelSize == 3 {
            let input = values(&random, [s.inChannels, s.height / 2 + 1, s.width / 2 + 1])
            let (h, w) = (input.shape[1], input.shape[2])
            let weight = values(&random, [s.inChannels, s.outChannels, 3, 3])
            let bias = values(&random, [s.outChannels])
            let outputGradient = values(&random, [s.outChannels, 2 * h + 1, 2 * w + 1])
            check("transposed", s, expected: reference.transposedConvolve(input, weight: weight, bias: bias)) {
                $0.transposedConvolve(input, weight: weight, bias: bias)
            }
            check("transposed input gradient", s,
                  expected: reference.transposedConvolveInputGradient(outputGradient, weight: weight)) {
                $0.transposedConvolveInputGradient(outputGradient, weight: weight)
            }
            let expected = reference.transposedConvolveParameterGradients(outputGradient, input: input)
            check("transposed weight gradient", s, expected: expected.weight) {
                $0.transposedConvolveParameterGradients(outputGradient, input: input).weight
            }
            check("transposed bias gradient", s, expected: expected.bias) {
                $0.transposedConvolveParameterGradients(outputGradient, input: input).bias
            }
        }
    }

    /// A 2 x 2 input under a 3 x 3 kernel without padding has no output: both
    /// implementations return empty tensors and zero gradients (chains of no terms).
    func testEmptyOutputs() {
        var random = TestRandom(seed: 5)
        let input = random.tensor([3, 2, 2]), weight = random.tensor([4, 3, 3, 3]), bias = random.tensor([4])
        let outputGradient = Tensor(shape: [4, 0, 0])
        let fast = KernelPath.supported.map { FastKernels(threadCount: 2, path: $0) as any ConvolutionKernels }
        for kernels in [reference as any ConvolutionKernels] + fast {
            XCTAssertEqual(kernels.convolve(input, weight: weight, bias: bias, padding: 0).shape, [4, 0, 0])
            XCTAssertEqual(kernels.convolveInputGradient(outputGradient, weight: weight, padding: 0),
                           Tensor(shape: [3, 2, 2]))
            let gradients = kernels.convolveParameterGradients(outputGradient, input: input, kernelSize: 3, padding: 0)
            XCTAssertEqual(gradients.weight, Tensor(shape: [4, 3, 3, 3]))
            XCTAssertEqual(gradients.bias, Tensor(shape: [4]))
        }
    }

    func testConvolutionsMatchReferenceBitForBit() {
        checkConvolutions(seed: 1) { random, shape in random.tensor(shape) }
    }

    func testTransposedConvolutionsMatchReferenceBitForBit() {
        checkTransposedConvolutions(seed: 2) { random, shape in random.tensor(shape) }
    }

    /// Inputs sprinkled with NaN, infinities, signed zeros, subnormals and huge values
    /// (whose products overflow): every non-NaN result has the same bits, and a result
    /// is NaN in one implementation exactly when it is NaN in the other.
    func testSpecialValuesGiveTheSameResults() {
        let specials: [Float] = [.nan, .infinity, -.infinity, -0.0, 0.0, .leastNonzeroMagnitude,
                                 -.leastNormalMagnitude, .greatestFiniteMagnitude, -1e30]
        let sprinkled = { (random: inout TestRandom, shape: [Int]) -> Tensor in
            var tensor = random.tensor(shape)
            for i in 0..<tensor.count where random.int(in: 0...19) == 0 {
                tensor.scalars[i] = specials[random.int(in: 0...(specials.count - 1))]
            }
            return tensor
        }
        checkConvolutions(seed: 3, values: sprinkled)
        checkTransposedConvolutions(seed: 4, values: sprinkled)
    }
}
