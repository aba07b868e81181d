import Kernels
import XCTest

/// A batch `[N, C, H, W]` through the forward convolutions gives, image by image, the bits
/// of that image alone through ``ReferenceKernels``: on every kernel path this CPU has and
/// every thread count. The batch's images lie one below the other in the fast kernels'
/// planes, so the shapes include those where an image's rows end exactly where the next
/// one's begin (k 1, no padding) and grids narrower and wider than a tile.
final class BatchedConvolutionTests: XCTestCase {
    private let reference = ReferenceKernels()

    /// (Ci, Co, H, W, k, p).
    private let shapes: [(Int, Int, Int, Int, Int, Int)] = [
        (1, 1, 1, 1, 3, 1), (1, 1, 1, 1, 1, 0), (3, 5, 6, 6, 3, 1), (16, 1, 7, 9, 1, 0), (4, 9, 5, 3, 3, 0),
        (2, 3, 3, 130, 3, 1), (37, 11, 4, 4, 3, 2), (30, 33, 12, 12, 3, 1), (5, 70, 2, 17, 1, 0),
    ]
    private let imageCounts = [1, 2, 3, 8]

    private func compare(_ name: String, batch: Tensor, expected: [Tensor], _ fast: (FastKernels) -> Tensor,
                         file: StaticString = #filePath, line: UInt = #line) {
        for path in KernelPath.supported {
            for threads in [1, 2, 3] {
                let result = fast(FastKernels(threadCount: threads, path: path))
                XCTAssertEqual(result.shape, [batch.shape[0]] + expected[0].shape, file: file, line: line)
                guard result.shape.count == 4 else { return }
                for (index, (image, alone)) in zip(result.images(), expected).enumerated() {
                    assertSameBits(image, alone, "\(name), image \(index) of \(batch.shape), \(path), \(threads) threads",
                                   file: file, line: line)
                }
            }
        }
    }

    /// For every shape and image count: random images `[Ci, H, W]`, a weight of
    /// `weightShape(Ci, Co, k)` and a bias; the batch through `operation` on the fast kernels
    /// against each image through it on the reference.
    private func checkEveryShape(seed: UInt64, _ name: String, weightShape: (Int, Int, Int) -> [Int],
                                 _ operation: (any ConvolutionKernels, Tensor, Tensor, Tensor, Int) -> Tensor) {
        var random = TestRandom(seed: seed)
        for (ci, co, h, w, k, p) in shapes {
            let weight = random.tensor(weightShape(ci, co, k)), bias = random.tensor([co])
            for n in imageCounts {
                let images = (0..<n).map { _ in random.tensor([ci, h, w]) }
                let expected = images.map { operation(reference, $0, weight, bias, p) }
                let batch = Tensor(stacking: images)
                compare("\(name) Ci \(ci) Co \(co) k \(k) p \(p)", batch: batch, expected: expected) {
                    operation($0, batch, weight, bias, p)
                }
            }
        }
    }

    func testABatchOfConvolutionsGivesEachImagesOwnBits() {
        checkEveryShape(seed: 11, "convolve", weightShape: { ci, co, k in [co, ci, k, k] }) {
            $0.convolve($1, weight: $2, bias: $3, padding: $4)
        }
    }

    func testABatchOfTransposedConvolutionsGivesEachImagesOwnBits() {
        checkEveryShape(seed: 12, "transposed", weightShape: { ci, co, _ in [ci, co, 3, 3] }) { kernels, batch, weight, bias, _ in
            kernels.transposedConvolve(batch, weight: weight, bias: bias)
        }
    }

    /// Images whose planes are large go to the fast kernels in runs of a few (here one at
    /// a time); the stacked results are still each image's own.
    func testABatchOfLargeImagesGivesEachImagesOwnBits() {
        var random = TestRandom(seed: 14)
        let images = (0..<3).map { _ in random.tensor([16, 101, 101]) }
        let weight = random.tensor([2, 16, 3, 3]), bias = random.tensor([2])
        let expected = images.map { reference.convolve($0, weight: weight, bias: bias, padding: 1) }
        let batch = Tensor(stacking: images)
        compare("convolve of 3 large images", batch: batch, expected: expected) {
            $0.convolve(batch, weight: weight, bias: bias, padding: 1)
        }
        let transposedWeight = random.tensor([16, 2, 3, 3])
        let transposedExpected = images.map { reference.transposedConvolve($0, weight: transposedWeight, bias: bias) }
        compare("transposed of 3 large images", batch: batch, expected: transposedExpected) {
            $0.transposedConvolve(batch, weight: transposedWeight, bias: bias)
        }
    }

    /// The reference runs a batch one image at a time: its result is the stack of the
    /// images' own results (a check of the batch plumbing, not of the arithmetic).
    func testTheReferenceStacksTheResultsOfItsImages() {
        var random = TestRandom(seed: 13)
        let images = (0..<3).map { _ in random.tensor([2, 4, 5]) }
        let weight = random.tensor([3, 2, 3, 3]), bias = random.tensor([3])
        let batch = reference.convolve(Tensor(stacking: images), weight: weight, bias: bias, padding: 1)
        XCTAssertEqual(batch.images(), images.map { reference.convolve($0, weight: weight, bias: bias, padding: 1) })
    }
}
