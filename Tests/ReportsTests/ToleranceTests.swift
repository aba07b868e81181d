import Reports
import XCTest

final class ToleranceTests: XCTestCase {
    func testExactEqualityTreatsSignedZerosAndNaNAsEqualAndNothingElse() {
        let exact = Tolerance.exact
        XCTAssertTrue(exact.accepts(1.5, 1.5))
        XCTAssertTrue(exact.accepts(0.0, -0.0))
        XCTAssertTrue(exact.accepts(.nan, .nan))
        XCTAssertTrue(exact.accepts(.infinity, .infinity))
        XCTAssertFalse(exact.accepts(1.5, 1.5.nextUp))
        XCTAssertFalse(exact.accepts(.nan, 0))
        XCTAssertFalse(exact.accepts(1, .nan))
        XCTAssertFalse(exact.accepts(.infinity, -.infinity))
    }

    func testTheAbsoluteToleranceIsInclusive() {
        let tolerance = Tolerance(absolute: 0.5, relative: 0)
        XCTAssertTrue(tolerance.accepts(1, 1.5))
        XCTAssertTrue(tolerance.accepts(-0.25, 0.25))
        XCTAssertFalse(tolerance.accepts(1, 1.5000001))
        XCTAssertFalse(tolerance.accepts(.infinity, 1e308), "an infinity equals only itself")
        XCTAssertFalse(tolerance.accepts(.nan, 0.1))
    }

    /// The scale is the larger magnitude, so the test does not depend on the order: with
    /// rtol 0.00995, 100 and 101 differ by 1 <= 0.00995 · 101 = 1.00495 either way round
    /// (a test scaled by the first value, 0.995 from 100, would call them different one
    /// way and equal the other).
    func testTheRelativeToleranceIsSymmetric() {
        let tolerance = Tolerance(absolute: 0, relative: 0.00995)
        XCTAssertTrue(tolerance.accepts(100, 101))
        XCTAssertTrue(tolerance.accepts(101, 100))
        XCTAssertFalse(Tolerance(absolute: 0, relative: 0.0099).accepts(100, 101))
        XCTAssertTrue(Tolerance(absolute: 0.5, relative: 0.005).accepts(100, 101), "0.5 + 0.505 >= 1")
        XCTAssertFalse(Tolerance(absolute: 0.49, relative: 0.005).accepts(100, 101), "0.49 + 0.505 < 1")
    }
}
