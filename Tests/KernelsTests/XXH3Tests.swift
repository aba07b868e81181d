import Kernels
import XCTest

/// ``XXH3`` gives the reference implementation's digests for every length class and both
/// seeds, on every kernel path that this CPU can run (``XXH3ReferenceVectors``).
final class XXH3Tests: XCTestCase {
    private let buffer = XXH3ReferenceVectors.sanityBuffer(count: 4161)

    private func assertReference(_ vector: XXH3ReferenceVectors.Vector, of bytes: UnsafeRawBufferPointer,
                                 _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for path in KernelPath.supported {
            XCTAssertEqual(XXH3.hash64(bytes, path: path), vector.seed0, "\(what), seed 0, \(path.rawValue)",
                           file: file, line: line)
            XCTAssertEqual(XXH3.hash64(bytes, seed: XXH3ReferenceVectors.prime64, path: path), vector.seedPrime64,
                           "\(what), seed PRIME64, \(path.rawValue)", file: file, line: line)
        }
    }

    func testThePublishedVectors() {
        buffer.withUnsafeBytes { bytes in
            for vector in XXH3ReferenceVectors.published {
                assertReference(vector, of: UnsafeRawBufferPointer(rebasing: bytes[..<vector.length]),
                                "length \(vector.length)")
            }
        }
    }

    func testTheEdgesOfEveryLengthClassStripeAndBlock() {
        buffer.withUnsafeBytes { bytes in
            for vector in XXH3ReferenceVectors.computed {
                assertReference(vector, of: UnsafeRawBufferPointer(rebasing: bytes[..<vector.length]),
                                "length \(vector.length)")
            }
        }
    }

    func testAMebibyteOfBlocks() {
        let vector = XXH3ReferenceVectors.mebibyte
        XXH3ReferenceVectors.sanityBuffer(count: vector.length).withUnsafeBytes { bytes in
            assertReference(vector, of: bytes, "length \(vector.length)")
        }
    }

    /// Inputs at every offset from an 8-byte boundary: the loops read words and vectors
    /// wherever they start.
    func testUnalignedInputs() {
        for offset in 1..<8 {
            let shifted = [UInt8](repeating: 0xA5, count: offset) + buffer
            shifted.withUnsafeBytes { bytes in
                for vector in XXH3ReferenceVectors.published {
                    let input = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + vector.length])
                    assertReference(vector, of: input, "length \(vector.length) at offset \(offset)")
                }
            }
        }
    }

    func testAnEmptyBufferWithoutAnAddress() {
        assertReference(XXH3ReferenceVectors.published[0], of: UnsafeRawBufferPointer(start: nil, count: 0), "empty")
    }

    func testAnArrayOfBytes() {
        for vector in XXH3ReferenceVectors.published {
            let bytes = Array(buffer[..<vector.length])
            XCTAssertEqual(XXH3.hash64(bytes), vector.seed0, "length \(vector.length)")
            XCTAssertEqual(XXH3.hash64(bytes, seed: XXH3ReferenceVectors.prime64), vector.seedPrime64,
                           "length \(vector.length)")
        }
    }

    /// Floats hash as their little-endian bytes: `(i - 150) / 4` for i in 0..<300, whose
    /// 1200 bytes the reference implementation hashes to these digests.
    func testFloatsHashAsTheirLittleEndianBytes() {
        let floats = (0..<300).map { Float($0 - 150) / 4 }
        let bytes = floats.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        for path in KernelPath.supported {
            floats.withUnsafeBufferPointer { floats in
                XCTAssertEqual(XXH3.hash64(floats: floats, path: path), 0xD4B5_F494_E7F9_1CCD, path.rawValue)
                XCTAssertEqual(XXH3.hash64(floats: floats, seed: XXH3ReferenceVectors.prime64, path: path),
                               0x4AA0_BC4B_7ABA_BDA3, path.rawValue)
                XCTAssertEqual(XXH3.hash64(floats: floats, path: path), XXH3.hash64(bytes, path: path), path.rawValue)
            }
        }
    }
}
