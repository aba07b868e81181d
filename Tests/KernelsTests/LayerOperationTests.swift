import Kernels
import XCTest

/// The non-convolution layer operations on hand-computed examples.
final class LayerOperationTests: XCTestCase {
    private func bits(_ t: Tensor) -> [UInt32] { t.scalars.map(\.bitPattern) }

    func testReluZeroesNonPositiveValuesAndNaN() {
        let x = Tensor(shape: [6], scalars: [-1, 0, -0.0, 2.5, .nan, -.infinity])
        XCTAssertEqual(bits(Activation.relu(x)), bits(Tensor(shape: [6], scalars: [0, 0, 0, 2.5, 0, 0])))
    }

    /// Long enough for the vector loops of every kernel path (and their remainders), with
    /// the special values at every lane position: each path gives the definition's bits.
    func testEveryKernelPathGivesTheElementwiseDefinitionsBits() {
        let specials: [Float] = [-1, 0, -0.0, 2.5, .nan, -.infinity, .infinity, 1e-30, -1e-30, 3]
        let count = 203
        let x = Tensor(shape: [count], scalars: (0..<count).map { specials[($0 * 7) % specials.count] * Float($0 % 5 + 1) })
        let y = Tensor(shape: [count], scalars: (0..<count).map { specials[($0 * 3) % specials.count] - Float($0) / 8 })
        let relu = x.scalars.map { $0 > 0 ? $0 : 0 }
        let reluGradient = zip(y.scalars, x.scalars).map { dy, x in x > 0 ? dy : 0 }
        let sum = zip(x.scalars, y.scalars).map { $0 + $1 }
        for path in KernelPath.supported {
            XCTAssertEqual(Activation.relu(x, path: path).scalars.map(\.bitPattern), relu.map(\.bitPattern), "\(path)")
            XCTAssertEqual(Activation.reluGradient(y, input: x, path: path).scalars.map(\.bitPattern),
                           reluGradient.map(\.bitPattern), "\(path)")
            XCTAssertEqual(Elementwise.add(x, y, path: path).scalars.map(\.bitPattern), sum.map(\.bitPattern),
                           "\(path)")
        }
    }

    /// Tensors of several pieces (32,768 elements each) and a remainder, shared by two and
    /// three threads: every element has the definition's bits, as on one thread.
    func testElementwiseStepsSharedByThreadsGiveTheDefinitionsBits() {
        let count = 3 * 32_768 + 5
        let x = Tensor(shape: [count], scalars: (0..<count).map { Float($0 % 7) - 3 + Float($0) / 65_536 })
        let y = Tensor(shape: [count], scalars: (0..<count).map { Float($0 % 11) / 4 - 1 })
        let relu = x.scalars.map { $0 > 0 ? $0 : 0 }
        let reluGradient = zip(y.scalars, x.scalars).map { dy, x in x > 0 ? dy : 0 }
        let sum = zip(x.scalars, y.scalars).map { $0 + $1 }
        for threads in [2, 3] {
            XCTAssertEqual(bits(Activation.relu(x, threadCount: threads)), relu.map(\.bitPattern), "\(threads)")
            XCTAssertEqual(bits(Activation.reluGradient(y, input: x, threadCount: threads)),
                           reluGradient.map(\.bitPattern), "\(threads)")
            XCTAssertEqual(bits(Elementwise.add(x, y, threadCount: threads)), sum.map(\.bitPattern), "\(threads)")
        }
    }

    func testReluGradientPassesOnlyPositiveInputs() {
        let input = Tensor(shape: [1, 1, 4], scalars: [-1, 0, 3, 1e-30])
        let dy = Tensor(shape: [1, 1, 4], scalars: [5, 6, 7, 8])
        XCTAssertEqual(Activation.reluGradient(dy, input: input).scalars, [0, 0, 7, 8])
    }

    func testMaxPoolTiesGoToTheFirstMaximum() {
        // Windows (row-major): [1 3 / 3 2] -> 3 at its first place (flat index 1);
        // [2 2 / 2 2] -> index 2; a second channel of -0.0 and 0.0 (equal) -> the first.
        let x = Tensor(shape: [2, 2, 4], scalars: [1, 3, 2, 2,
                                                   3, 2, 2, 2,
                                                   -0.0, 0, 5, 5,
                                                   0, 0, 5, 4])
        let (y, argmax) = Pooling.maxPool2x2(x)
        XCTAssertEqual(y.shape, [2, 1, 2])
        XCTAssertEqual(argmax, [1, 2, 8, 10])
        XCTAssertEqual(bits(y), bits(Tensor(shape: [2, 1, 2], scalars: [3, 2, -0.0, 5])))
    }

    func testMaxPoolFloorsOddSizes() {
        // A 3 x 5 input gives 1 x 2: the last row and column (holding the largest values)
        // belong to no window.
        let x = Tensor(shape: [1, 3, 5], scalars: [1, 2, 3, 4, 90,
                                                   5, 6, 8, 7, 91,
                                                   92, 93, 94, 95, 96])
        let (y, argmax) = Pooling.maxPool2x2(x)
        XCTAssertEqual(y.shape, [1, 1, 2])
        XCTAssertEqual(y.scalars, [6, 8])
        XCTAssertEqual(argmax, [6, 7])
        XCTAssertEqual(Pooling.maxPool2x2(Tensor(shape: [1, 101, 101])).output.shape, [1, 50, 50])
    }

    func testMaxPoolNaNAndInfinityFollowPyTorch() {
        // [1 NaN / NaN 0]: each NaN replaces the maximum, so the last NaN (index 2) wins.
        // [-inf -inf / -inf -inf]: nothing exceeds the start, so the first element (index 4... of its window).
        let x = Tensor(shape: [1, 2, 4], scalars: [1, .nan, -.infinity, -.infinity,
                                                   .nan, 0, -.infinity, -.infinity])
        let (y, argmax) = Pooling.maxPool2x2(x)
        XCTAssertEqual(argmax, [4, 2])
        XCTAssertTrue(y.scalars[0].isNaN)
        XCTAssertEqual(y.scalars[1], -.infinity)
    }

    /// Wide rows (vectorized windows plus a scalar tail) full of ties, signed zeros,
    /// infinities and NaN agree with PyTorch's rule applied window by window.
    func testMaxPoolOfWideRowsFollowsThePyTorchRule() {
        let values: [Float] = [-.infinity, -1, -0.0, 0, 1, 2, .nan]
        var random = TestRandom(seed: 9)
        let (channels, height, width) = (2, 7, 37)
        let x = Tensor(shape: [channels, height, width],
                       scalars: (0..<(channels * height * width)).map { _ in values[random.int(in: 0...6)] })
        let (y, argmax) = Pooling.maxPool2x2(x)
        XCTAssertEqual(y.shape, [2, 3, 18])
        var i = 0
        for c in 0..<channels {
            for oy in 0..<3 {
                for ox in 0..<18 {
                    var best = -1
                    var maximum = -Float.infinity
                    for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        let index = (c * height + 2 * oy + dy) * width + 2 * ox + dx
                        if best < 0 { best = index }
                        if x.scalars[index] > maximum || x.scalars[index].isNaN {
                            maximum = x.scalars[index]
                            best = index
                        }
                    }
                    XCTAssertEqual(argmax[i], Int32(best), "window \(c), \(oy), \(ox)")
                    XCTAssertEqual(y.scalars[i].bitPattern, x.scalars[best].bitPattern, "window \(c), \(oy), \(ox)")
                    i += 1
                }
            }
        }
    }

    func testMaxPoolGradientGoesToTheArgmax() {
        let x = Tensor(shape: [1, 3, 4], scalars: [1, 9, 2, 3,
                                                   4, 5, 7, 6,
                                                   9, 9, 9, 9])
        let (_, argmax) = Pooling.maxPool2x2(x)
        let dx = Pooling.maxPool2x2Gradient(Tensor(shape: [1, 1, 2], scalars: [10, 20]), argmax: argmax,
                                            inputShape: x.shape)
        XCTAssertEqual(dx.shape, [1, 3, 4])
        XCTAssertEqual(dx.scalars, [0, 10, 0, 0,
                                    0, 0, 20, 0,
                                    0, 0, 0, 0])
    }

    func testConcatenateAndSplit() {
        let a = Tensor(shape: [1, 1, 2], scalars: [1, 2])
        let b = Tensor(shape: [2, 1, 2], scalars: [3, 4, 5, 6])
        let joined = ChannelOperations.concatenate(a, b)
        XCTAssertEqual(joined, Tensor(shape: [3, 1, 2], scalars: [1, 2, 3, 4, 5, 6]))
        let (first, rest) = ChannelOperations.splitGradient(joined, firstChannels: 1)
        XCTAssertEqual(first, a)
        XCTAssertEqual(rest, b)
    }

    func testCropDropsTheLeadingRowAndColumn() {
        // 1 2 3 / 4 5 6 / 7 8 9 cropped to 2 x 2 keeps 5 6 / 8 9; the gradient puts zeros back.
        let x = Tensor(shape: [1, 3, 3], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let cropped = ChannelOperations.cropLeading(x, height: 2, width: 2)
        XCTAssertEqual(cropped, Tensor(shape: [1, 2, 2], scalars: [5, 6, 8, 9]))
        XCTAssertEqual(ChannelOperations.cropLeadingGradient(cropped, originalHeight: 3, originalWidth: 3),
                       Tensor(shape: [1, 3, 3], scalars: [0, 0, 0, 0, 5, 6, 0, 8, 9]))
        XCTAssertEqual(ChannelOperations.cropLeading(x, height: 3, width: 3), x)
    }

    func testBatchesConcatenateImageByImage() {
        // Image 0: a = [1 2], b = [3 4 / 5 6]; image 1: a = [7 8], b = [9 10 / 11 12].
        let a = Tensor(shape: [2, 1, 1, 2], scalars: [1, 2, 7, 8])
        let b = Tensor(shape: [2, 2, 1, 2], scalars: [3, 4, 5, 6, 9, 10, 11, 12])
        XCTAssertEqual(ChannelOperations.concatenate(a, b),
                       Tensor(shape: [2, 3, 1, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))
    }

    func testBatchesCropAndPoolEveryPlaneAlike() {
        // Two images of one 3 x 3 channel: 1…9 and 11…19.
        let x = Tensor(shape: [2, 1, 3, 3], scalars: (1...9).map(Float.init) + (11...19).map(Float.init))
        XCTAssertEqual(ChannelOperations.cropLeading(x, height: 2, width: 2),
                       Tensor(shape: [2, 1, 2, 2], scalars: [5, 6, 8, 9, 15, 16, 18, 19]))
        let (pooled, argmax) = Pooling.maxPool2x2(x)
        XCTAssertEqual(pooled, Tensor(shape: [2, 1, 1, 1], scalars: [5, 15]))
        XCTAssertEqual(argmax, [4, 13])
    }

    func testDropChannelsScalesKeptAndZeroesDropped() {
        let x = Tensor(shape: [3, 1, 2], scalars: [1, -2, .nan, -3, 0.5, 4])
        let y = ChannelOperations.dropChannels(x, keep: [true, false, true], scale: 2)
        XCTAssertEqual(bits(y), bits(Tensor(shape: [3, 1, 2], scalars: [2, -4, 0, 0, 1, 8])))
    }

    func testAdd() {
        let a = Tensor(shape: [1, 1, 3], scalars: [1, 2, 0.1])
        let b = Tensor(shape: [1, 1, 3], scalars: [-1, 0.5, 0.2])
        XCTAssertEqual(Elementwise.add(a, b).scalars, [0, 2.5, 0.1 as Float + 0.2 as Float])
    }
}
