import Kernels
import XCTest

/// A small deterministic generator for test inputs (SplitMix64), independent of the
/// project's random streams.
struct TestRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A float uniform in [-1, 1) on a grid of 2^-24.
    mutating func float() -> Float {
        Float(Int64(next() >> 40) - (1 << 23)) / Float(1 << 23)
    }

    /// A tensor of `shape` with elements uniform in [-1, 1).
    mutating func tensor(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in float() })
    }
}

/// Fails unless `actual` and `expected` have the same shape and the same bits in every
/// element; two NaNs count as equal whatever their payloads (``FastKernels`` documents
/// that NaN payloads are unspecified).
func assertSameBits(_ actual: Tensor, _ expected: Tensor, _ message: @autoclosure () -> String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, message(), file: file, line: line)
    guard actual.shape == expected.shape else { return }
    for i in 0..<actual.count {
        let (a, e) = (actual.scalars[i], expected.scalars[i])
        if a.isNaN && e.isNaN { continue }
        if a.bitPattern != e.bitPattern {
            XCTFail("element \(i) of \(actual.shape): \(a) (0x\(String(a.bitPattern, radix: 16))) != "
                    + "\(e) (0x\(String(e.bitPattern, radix: 16))) \(message())", file: file, line: line)
            return
        }
    }
}
