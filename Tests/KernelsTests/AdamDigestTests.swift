import Kernels
import XCTest

/// Adam's update with the digests of its blocks: the same values as without them, and each
/// block's digest is the XXH3-64 of the updated block, on every path and thread count.
final class AdamDigestTests: XCTestCase {
    private let coefficients = AdamArithmetic.Coefficients(keep1: 0.1, beta2: 0.999, keep2: 0.001,
                                                           stepSize: -3e-4, correction: 0.0316, epsilon: 1e-8)

    func testTheDigestsAreTheBlocksHashesAndChangeNoValue() throws {
        var random = TestRandom(seed: 7)
        // Two whole pieces of threads' work, and a last block of 7 floats.
        let count = 2 * (1 << 16) + 3 * StateDigest.blockElements + 7
        let p0 = random.floats(count), m0 = random.floats(count), v0 = random.floats(count).map { $0 * $0 }
        let g = random.floats(count)
        var (plainP, plainM, plainV) = (p0, m0, v0)
        AdamArithmetic.update(parameters: &plainP, firstMoments: &plainM, secondMoments: &plainV, gradients: g,
                              coefficients: coefficients, path: .portable)
        let blocks = StateDigest.blockCount(count)
        XCTAssertEqual(blocks, 12)
        var expected: [UInt64] = []
        for block in 0..<blocks {
            let range = block * StateDigest.blockElements..<min(count, (block + 1) * StateDigest.blockElements)
            for tensor in [plainP, plainM, plainV] {
                expected.append(Array(tensor[range]).withUnsafeBufferPointer { XXH3.hash64(floats: $0, path: .portable) })
            }
        }
        for path in KernelPath.supported {
            for threads in [1, 2, 3] {
                var (p, m, v) = (p0, m0, v0)
                var digests = [UInt64](repeating: 0, count: 3 * blocks)
                let finite = digests.withUnsafeMutableBufferPointer { digests in
                    AdamArithmetic.update(parameters: &p, firstMoments: &m, secondMoments: &v, gradients: g,
                                          coefficients: coefficients, threadCount: threads, path: path,
                                          digests: digests)
                }
                XCTAssertTrue(finite)
                XCTAssertEqual(p.map(\.bitPattern), plainP.map(\.bitPattern), "\(path), \(threads) threads")
                XCTAssertEqual(m.map(\.bitPattern), plainM.map(\.bitPattern), "\(path), \(threads) threads")
                XCTAssertEqual(v.map(\.bitPattern), plainV.map(\.bitPattern), "\(path), \(threads) threads")
                XCTAssertEqual(digests, expected, "\(path), \(threads) threads")
            }
        }
    }

    func testAPartsDigestIsTheHashOfItsBlocksDigests() {
        let digests: [UInt64] = [1, 0x0102_0304_0506_0708]
        // Their little-endian bytes, written out.
        let bytes: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1]
        XCTAssertEqual(StateDigest.combine(digests), XXH3.hash64(bytes))
        XCTAssertEqual(StateDigest.combine([]), XXH3.hash64([UInt8]()))
        let floats = (0..<(StateDigest.blockElements + 2)).map { Float($0) }
        let blocks = StateDigest.blockDigests(of: floats)
        XCTAssertEqual(blocks.count, 2)
        XCTAssertEqual(blocks[1], [Float(16384), 16385].withUnsafeBufferPointer { XXH3.hash64(floats: $0) })
    }
}
