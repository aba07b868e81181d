import TGSData
import XCTest

final class RunLengthEncodingTests: XCTestCase {
    /// 1 0 0 / 1 0 1 / 0 0 1 numbered column-major: salt at pixels 1, 2 (column 0) and
    /// 8, 9 (column 2).
    func testHandWorkedExample() throws {
        let mask: [UInt8] = [1, 0, 0, 1, 0, 1, 0, 0, 1]
        XCTAssertEqual(RunLengthEncoding.encode(mask, width: 3, height: 3), "1 2 8 2")
        XCTAssertEqual(try RunLengthEncoding.decode("1 2 8 2", width: 3, height: 3), mask)
    }

    func testRunsCrossColumnsAndCoverEdgeCases() throws {
        // The bottom of column 0 and the top of column 1: pixels 3 and 4, one run.
        let wrapping: [UInt8] = [0, 1, 0, 0, 0, 0, 1, 0, 0]
        XCTAssertEqual(RunLengthEncoding.encode(wrapping, width: 3, height: 3), "3 2")
        XCTAssertEqual(RunLengthEncoding.encode([UInt8](repeating: 1, count: 6), width: 2, height: 3), "1 6")
        XCTAssertEqual(RunLengthEncoding.encode([UInt8](repeating: 0, count: 6), width: 2, height: 3), "")
        XCTAssertEqual(try RunLengthEncoding.decode("", width: 2, height: 3), [UInt8](repeating: 0, count: 6))
        // Not square: width 3, height 2, so column 1 holds pixels 3 and 4.
        XCTAssertEqual(try RunLengthEncoding.decode("4 1", width: 3, height: 2), [0, 0, 0, 0, 1, 0])
        XCTAssertEqual(RunLengthEncoding.encode([0, 0, 0, 0, 1, 0], width: 3, height: 2), "4 1")
    }

    func testTouchingRunsAndExtraSpacesDecodeToTheirUnion() throws {
        XCTAssertEqual(try RunLengthEncoding.decode("  1 2  3 1\t", width: 2, height: 2), [1, 1, 1, 0])
    }

    func testRandomMasksRoundTrip() throws {
        var state: UInt64 = 12_345
        for (width, height) in [(1, 1), (7, 3), (4, 9), (16, 16)] {
            for _ in 0..<20 {
                let mask: [UInt8] = (0..<width * height).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return state >> 62 == 0 ? 1 : 0
                }
                let text = RunLengthEncoding.encode(mask, width: width, height: height)
                XCTAssertEqual(try RunLengthEncoding.decode(text, width: width, height: height), mask)
            }
        }
    }

    func testFaultsNameTheToken() {
        assertRefused("1 2 5", "odd number of tokens (3): token 3 \"5\" is a start without a length")
        assertRefused("1 2 x 3", "token 3 \"x\" is not an integer")
        assertRefused("1 +2", "token 2 \"+2\" is not an integer")
        assertRefused("1 99999999999999999999", "token 2 \"99999999999999999999\" is not an integer")
        assertRefused("3 0", "token 2 \"0\": a run length must be at least 1")
        assertRefused("3 -1", "token 2 \"-1\": a run length must be at least 1")
        assertRefused("0 2", "token 1 \"0\": a run start must be at least 1")
        assertRefused("1 1 8 3", "token 4 \"3\": the run from pixel 8 ends past the last pixel 9")
        assertRefused("5 2 1 1", "token 3 \"1\": the run starts inside or before the previous run (which ends at pixel 6); runs must be sorted and disjoint")
        assertRefused("1 3 3 1", "token 3 \"3\": the run starts inside or before the previous run (which ends at pixel 3); runs must be sorted and disjoint")
    }

    func testRunsWithoutAnImageSizeAreCheckedForEverythingElse() throws {
        XCTAssertEqual(try RunLengthEncoding.runs(in: "9 1000000"), [.init(start: 9, length: 1_000_000)])
        XCTAssertThrowsError(try RunLengthEncoding.runs(in: "9 1 9 1"))
    }

    private func assertRefused(_ text: String, _ expected: String, line: UInt = #line) {
        XCTAssertThrowsError(try RunLengthEncoding.decode(text, width: 3, height: 3), line: line) { error in
            XCTAssertEqual("\(error)", expected, line: line)
        }
    }
}
