import TGSData
import XCTest

final class CoverageClassTests: XCTestCase {
    /// ceil(10 k / 10201): 1020 pixels are 9.999% (class 1), 1021 are 10.009% (class 2),
    /// 9180 are 89.99% (class 9), 9181 are 90.00009% (class 10).
    func testClassBoundariesAtTheTGSSize() {
        let n = 101 * 101
        XCTAssertEqual(CoverageClass.of(saltPixels: 0, pixelCount: n), 0)
        XCTAssertEqual(CoverageClass.of(saltPixels: 1, pixelCount: n), 1)
        XCTAssertEqual(CoverageClass.of(saltPixels: 1020, pixelCount: n), 1)
        XCTAssertEqual(CoverageClass.of(saltPixels: 1021, pixelCount: n), 2)
        XCTAssertEqual(CoverageClass.of(saltPixels: 5100, pixelCount: n), 5)
        XCTAssertEqual(CoverageClass.of(saltPixels: 5101, pixelCount: n), 6)
        XCTAssertEqual(CoverageClass.of(saltPixels: 9180, pixelCount: n), 9)
        XCTAssertEqual(CoverageClass.of(saltPixels: 9181, pixelCount: n), 10)
        XCTAssertEqual(CoverageClass.of(saltPixels: n, pixelCount: n), 10)
    }

    func testMasksCountEveryNonZeroValueAsSalt() {
        XCTAssertEqual(CoverageClass.of(mask: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0)
        XCTAssertEqual(CoverageClass.of(mask: [255, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 1)
        XCTAssertEqual(CoverageClass.of(mask: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]), 3)
        XCTAssertEqual(CoverageClass.of(mask: [1, 1, 1, 0]), 8)
    }
}
