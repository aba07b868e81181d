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

    func testABatchOfConvolutionsGivesEachImagesOwnBits() {
        var random = TestRandom(seed: 11)
        for (ci, co, h, w, k, p) in shapes {
            let weight = random.tensor([co, ci, k, k]), bias = random.tensor([co])
            for n in imageCounts {
                let images = (0..<n).map { _ in random.tensor([ci, h, w]) }
                let expected = images.map { reference.convolve($0, weight: weight, bias: bias, padding: p) }
                let batch = Tensor(stacking: images)
                compare("convolve Ci \(ci) Co \(co) k \(k) p \(p)", batch: batch, expected: expected) {
                    $0.convolve(batch, weight: weight, bias: bias, padding: p)
                }
            }
        }
    }

    func testABatchOfTransposedConvolutionsGivesEachImagesOwnBits() {
        var random = TestRandom(seed: 12)
        for (ci, co, h, w, _, _) in shapes {
            let weight = random.tensor([ci, co, 3, 3]), bias = random.tensor([co])
            for n in imageCounts {
                let images = (0..<n).map { _ in random.tensor([ci, h, w]) }
                let expected = images.map { reference.transposedConvolve($0, weight: weight, bias: bias) }
                let batch = Tensor(stacking: images)
                compare("transposed Ci \(ci) Co \(co)", batch: batch, expected: expected) {
                    $0.transposedConvolve(batch, weight: weight, bias: bias)
                }
            }
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
