import HDF5Kit
import ModelDiff
import Reports
import XCTest

final class ValueComparisonTests: XCTestCase {
    func testOneChangedElementIsFoundWithItsIndexAndBothValues() throws {
        var b = (0..<12).map(Double.init)
        b[6] = 7.5
        let comparison = try XCTUnwrap(ValueComparison.compare(.floats((0..<12).map(Double.init)), .floats(b),
                                                               shape: [3, 4], tolerance: .exact))
        XCTAssertEqual(comparison.elementCount, 12)
        XCTAssertEqual(comparison.changedCount, 1)
        XCTAssertEqual(comparison.differingCount, 1)
        XCTAssertEqual(comparison.largestAbsolute, 1.5)
        XCTAssertEqual(comparison.largestRelative, 0.2, "1.5 / max(6, 7.5)")
        XCTAssertEqual(comparison.worst, ValueComparison.Element(index: [1, 2], a: .number(6), b: .number(7.5)))
    }

    func testChangesWithinTheToleranceAreChangedButNotDiffering() throws {
        let comparison = try XCTUnwrap(ValueComparison.compare(.floats([1, 2, 3]), .floats([1, 2.001, 3.0001]),
                                                               shape: [3], tolerance: Tolerance(absolute: 0.01,
                                                                                                relative: 0)))
        XCTAssertEqual(comparison.changedCount, 2)
        XCTAssertEqual(comparison.differingCount, 0)
        XCTAssertFalse(comparison.isIdentical)
        XCTAssertEqual(comparison.worst?.index, [1], "the larger change")
    }

    func testNaNsAtTheSameIndexAgreeAndANaNAgainstANumberIsTheWorstDifference() throws {
        let same = try XCTUnwrap(ValueComparison.compare(.floats([.nan, 1]), .floats([.nan, 1]), shape: [2],
                                                         tolerance: .exact))
        XCTAssertTrue(same.isIdentical)
        let mixed = try XCTUnwrap(ValueComparison.compare(.floats([.nan, 1, 5]), .floats([0, 1, 9]), shape: [3],
                                                          tolerance: Tolerance(absolute: 10, relative: 0)))
        XCTAssertEqual(mixed.differingCount, 1, "4 is within 10; NaN against 0 is not")
        XCTAssertEqual(mixed.worst?.index, [0])
        XCTAssertEqual(mixed.largestAbsolute, 4, "taken over the finite pairs")
    }

    /// Integers are compared exactly, also where doubles could not tell them apart, and
    /// whatever the tolerance.
    func testIntegersAreComparedExactly() throws {
        let big = Int64(1) << 60
        let comparison = try XCTUnwrap(ValueComparison.compare(.signedIntegers([big, 3]),
                                                               .signedIntegers([big + 1, 3]), shape: [2],
                                                               tolerance: Tolerance(absolute: 100, relative: 0.1)))
        XCTAssertEqual(comparison.differingCount, 1)
        XCTAssertEqual(try XCTUnwrap(ValueComparison.compare(.signedIntegers([5]), .unsignedIntegers([5]),
                                                             shape: [1], tolerance: .exact)).changedCount, 0)
        XCTAssertEqual(try XCTUnwrap(ValueComparison.compare(.signedIntegers([-1]), .unsignedIntegers([UInt64.max]),
                                                             shape: [1], tolerance: .exact)).differingCount, 1)
    }

    func testStringsAreComparedExactlyAndNeverAgainstNumbers() throws {
        let comparison = try XCTUnwrap(ValueComparison.compare(.strings(["a", "b", "c"]), .strings(["a", "B", "c"]),
                                                               shape: [3], tolerance: .exact))
        XCTAssertEqual(comparison.differingCount, 1)
        XCTAssertNil(comparison.largestAbsolute)
        XCTAssertEqual(comparison.worst, ValueComparison.Element(index: [1], a: .string("b"), b: .string("B")))
        XCTAssertNil(ValueComparison.compare(.strings(["1"]), .floats([1]), shape: [1], tolerance: .exact))
    }

    func testTheWorstElementIsNamedByItsRowMajorIndex() throws {
        for (flat, index) in [(0, [0, 0, 0]), (23, [1, 2, 3]), (13, [1, 0, 1])] {
            var b = [Double](repeating: 0, count: 24)
            b[flat] = 1
            let comparison = try XCTUnwrap(ValueComparison.compare(.floats(Array(repeating: 0, count: 24)), .floats(b),
                                                                   shape: [2, 3, 4], tolerance: .exact))
            XCTAssertEqual(comparison.worst?.index, index)
        }
        let scalar = try XCTUnwrap(ValueComparison.compare(.floats([1]), .floats([2]), shape: [], tolerance: .exact))
        XCTAssertEqual(scalar.worst?.index, [])
    }

    func testFloat32ValuesPrintAsFloat32() {
        XCTAssertEqual(ElementValue.number(Double(Float(0.1))).description, "0.1")
        XCTAssertEqual(ElementValue.number(0.1).description, "0.1")
        XCTAssertEqual(ElementValue.number(2).description, "2")
        XCTAssertEqual(ElementValue.number(.nan).description, "nan")
        XCTAssertEqual(ElementValue.string("x").description, "\"x\"")
    }
}
