import Foundation
import PortableMath
import XCTest

final class PortableMathTests: XCTestCase {
    /// The portable functions agree with the platform's to within two ulps over a wide
    /// range (the platform's are only the yardstick here, not the definition).
    func testLogAgreesWithThePlatformWithinTwoUlps() {
        var x = 1e-300
        while x < 1e300 {
            for value in [x, x * 1.37, x * 2.999] {
                let expected = Foundation.log(value)
                XCTAssertLessThanOrEqual(abs(PortableMath.log(value) - expected), 2 * expected.ulp, "log(\(value))")
            }
            x *= 7.3
        }
    }

    func testExpAgreesWithThePlatformWithinTwoUlps() {
        var x = -740.0
        while x < 709 {
            let expected = Foundation.exp(x)
            XCTAssertLessThanOrEqual(abs(PortableMath.exp(x) - expected), 2 * expected.ulp, "exp(\(x))")
            x += 0.731
        }
    }

    func testLogNearOneKeepsRelativeAccuracy() {
        for value in [1 + 1e-12, 1 - 1e-12, 1.0000001, 0.9999999] {
            let expected = Foundation.log(value)
            XCTAssertEqual(PortableMath.log(value), expected, accuracy: 4 * abs(expected).ulp)
        }
    }

    func testSpecialValues() {
        XCTAssertEqual(PortableMath.log(1), 0)
        XCTAssertEqual(PortableMath.log(0), -.infinity)
        XCTAssertEqual(PortableMath.log(.infinity), .infinity)
        XCTAssertTrue(PortableMath.log(-1).isNaN)
        XCTAssertTrue(PortableMath.log(.nan).isNaN)
        XCTAssertEqual(PortableMath.log(Double.leastNonzeroMagnitude), -744.4400719213812, accuracy: 1e-12)
        XCTAssertEqual(PortableMath.exp(0), 1)
        XCTAssertEqual(PortableMath.exp(1), 2.718281828459045, accuracy: 2.718281828459045.ulp)
        XCTAssertEqual(PortableMath.exp(800), .infinity)
        XCTAssertEqual(PortableMath.exp(-800), 0)
        XCTAssertTrue(PortableMath.exp(.nan).isNaN)
        XCTAssertGreaterThan(PortableMath.exp(-744), 0, "subnormal results are kept")
    }
}
