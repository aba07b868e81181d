import Kernels
import XCTest

extension TestRandom {
    /// `count` floats uniform in [-1, 1) on a grid of 2^-24: products of two need up to 48
    /// bits, so fused and unfused arithmetic, and sums in different orders, round differently.
    mutating func floats(_ count: Int) -> [Float] {
        (0..<count).map { _ in float() }
    }

    /// A tensor of `shape` with elements in [0, 1) (probabilities; 0 included).
    mutating func probabilities(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in abs(float()) })
    }
}

/// Fails unless `actual` and `expected` have the same count and the same bits in every
/// element (two NaNs count as equal whatever their payloads).
func assertSameBits(_ actual: [Float], _ expected: [Float], _ message: @autoclosure () -> String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    assertSameBits(Tensor(shape: [actual.count], scalars: actual), Tensor(shape: [expected.count], scalars: expected),
                   message(), file: file, line: line)
}

/// Fails unless some element of `documented` and `alternative` differ in bits, NaNs aside:
/// the test data tell the documented arithmetic from a plausible other one (another order,
/// another grouping, fused instead of unfused or the reverse), so a kernel that computed
/// the other one would fail the bit-for-bit comparison.
func assertDistinguishes(_ documented: [Float], _ alternative: [Float], _ what: String,
                         file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(documented.count, alternative.count, what, file: file, line: line)
    XCTAssertTrue(zip(documented, alternative).contains { !($0.isNaN && $1.isNaN) && $0.bitPattern != $1.bitPattern },
                  "the test data do not tell the documented arithmetic from \(what)", file: file, line: line)
}
