import Reports
import XCTest

final class PairedDifferenceTests: XCTestCase {
    func testTheDifferencesPairBySeedOverTheCommonSeeds() throws {
        let difference = try XCTUnwrap(PairedDifference([1: 0.5, 2: 0.75, 4: 0.25, 9: 1], baseline: [1: 0.25, 2: 0.5, 4: 0.5],
                                                        streamName: "test"))
        XCTAssertEqual(difference.seeds, [1, 2, 4])
        XCTAssertEqual(difference.differences, [0.25, 0.25, -0.25])
        XCTAssertEqual(difference.mean, 0.25 / 3, accuracy: 1e-15)
        XCTAssertTrue(difference.isRough)
        // The interval lies within the smallest and largest possible resampled means.
        XCTAssertGreaterThanOrEqual(difference.low, -0.25)
        XCTAssertLessThanOrEqual(difference.high, 0.25)
        XCTAssertLessThanOrEqual(difference.low, difference.mean)
        XCTAssertGreaterThanOrEqual(difference.high, difference.mean)
        XCTAssertNil(PairedDifference([1: 0.5], baseline: [2: 0.5], streamName: "test"))
    }

    func testTheIntervalIsSeededAndShrinksWithAgreement() throws {
        let values = Dictionary(uniqueKeysWithValues: (1...8).map { (UInt64($0), 0.1 * Double($0 % 3)) })
        let baseline = Dictionary(uniqueKeysWithValues: (1...8).map { (UInt64($0), 0.05) })
        let first = try XCTUnwrap(PairedDifference(values, baseline: baseline, streamName: "a"))
        XCTAssertEqual(try XCTUnwrap(PairedDifference(values, baseline: baseline, streamName: "a")), first)
        XCTAssertFalse(first.isRough)
        XCTAssertLessThan(first.low, first.high)
        // Every seed the same difference: no spread, the interval is that difference.
        let constant = try XCTUnwrap(PairedDifference(baseline.mapValues { $0 + 0.125 }, baseline: baseline,
                                                      streamName: "b"))
        XCTAssertEqual(constant.low, 0.125, accuracy: 1e-15)
        XCTAssertEqual(constant.high, 0.125, accuracy: 1e-15)
    }

    func testTheSpreadIsTheSampleStandardDeviation() throws {
        let spread = try XCTUnwrap(ScoreSpread([2, 4, 4, 4, 5, 5, 7, 9]))
        XCTAssertEqual(spread.mean, 5)
        XCTAssertEqual(try XCTUnwrap(spread.standardDeviation), (32.0 / 7).squareRoot(), accuracy: 1e-12)
        XCTAssertNil(try XCTUnwrap(ScoreSpread([0.5])).standardDeviation)
        XCTAssertNil(ScoreSpread([]))
    }
}
