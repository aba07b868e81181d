import Kernels
import XCTest

/// The machine's limit (``FMAPeak``): each path's loop gives the sum that its arithmetic
/// gives by hand, and the measurement gives a rate on every path. Its speed is not tested.
final class FMAPeakTests: XCTestCase {
    /// The chains of each path's loop and the floats of each: one register of the path's
    /// widest vector per chain.
    private let shapes: [KernelPath: (chains: Int, lanes: Int)] = [
        .avx512: (16, 16), .avx2: (12, 8), .portable: (16, 4),
    ]

    func testEachPathRunsItsDocumentedChains() {
        for path in KernelPath.supported {
            let shape = FMAPeak.shape(of: path)
            XCTAssertEqual(shape.chains, shapes[path]?.chains, path.rawValue)
            XCTAssertEqual(shape.lanes, shapes[path]?.lanes, path.rawValue)
        }
    }

    /// Lane l of chain c starts at s = c · lanes + l, so the N = chains · lanes elements
    /// start at 0 ... N - 1 and sum to N(N - 1)/2. Each iteration is x ← x · ½ + 1: after
    /// one, s/2 + 1; after two, s/4 + 3/2, summing to N(N - 1)/8 + 3N/2, every step exact:
    ///
    ///     N = 64  (portable, 16 x 4):   2016 / 4 + 96  = 600
    ///     N = 96  (avx2, 12 x 8):       4560 / 4 + 144 = 1284
    ///     N = 256 (avx512, 16 x 16):   32640 / 4 + 384 = 8544
    ///
    /// After a hundred iterations every element is 2 + (s - 2)/2¹⁰⁰, which rounds to 2 (the
    /// chains settle there, never subnormal): the sum is 2N.
    func testTheLoopGivesTheSumWorkedOutByHand() {
        let byElements: [Int: (none: Float, two: Float, hundred: Float)] = [
            64: (2016, 600, 128), 96: (4560, 1284, 192), 256: (32640, 8544, 512),
        ]
        for path in KernelPath.supported {
            let shape = FMAPeak.shape(of: path)
            guard let expected = byElements[shape.chains * shape.lanes] else {
                XCTFail("\(path.rawValue): no sum worked out for \(shape.chains) chains of \(shape.lanes)")
                continue
            }
            XCTAssertEqual(FMAPeak.loop(path: path, iterations: 0), expected.none, path.rawValue)
            XCTAssertEqual(FMAPeak.loop(path: path, iterations: 2), expected.two, path.rawValue)
            XCTAssertEqual(FMAPeak.loop(path: path, iterations: 100), expected.hundred, path.rawValue)
        }
    }

    func testTheMeasurementGivesAPositiveFiniteRateOnEveryPath() {
        for path in KernelPath.supported {
            for threads in [1, 2] {
                let gigaflops = FMAPeak.measure(path: path, threads: threads)
                XCTAssertTrue(gigaflops.isFinite && gigaflops > 0, "\(path.rawValue), \(threads) threads: \(gigaflops)")
            }
        }
    }
}
