import PlasticUNet
import Sweeps
import XCTest

final class SweepVariantTests: XCTestCase {
    func testTheSevenStandardVariantsParseAndNameThemselves() {
        XCTAssertEqual(SweepVariant.standard.map(\.description),
                       ["none", "hebb-free", "hebb-yoked", "oja-free", "oja-yoked", "oja-free-first-row",
                        "oja-free-learn-eta"])
        let variant = SweepVariant(name: "hebb-yoked-first-row-learn-eta")
        XCTAssertEqual(variant?.rule, .hebb)
        XCTAssertEqual(variant?.alpha, .yoked)
        XCTAssertEqual(variant?.traceRows, .first)
        XCTAssertEqual(variant?.learnEta, true)
        XCTAssertEqual(variant?.description, "hebb-yoked-first-row-learn-eta")
    }

    func testNamesOutsideTheGrammarAreRefused() {
        for name in ["", "hebb", "oja-", "oja-free-", "none-free", "oja-free-learn-eta-first-row", "Oja-free",
                     "oja-loose", "oja-free-first-rows"] {
            XCTAssertNil(SweepVariant(name: name), name)
        }
    }

    func testAVariantReplacesOnlyItsOwnSettings() throws {
        let base = ModelConfiguration(rule: .none, alpha: .yoked, width: 4, size: 32, traceRows: .first, learnEta: false)
        let variant = try XCTUnwrap(SweepVariant(name: "oja-free-learn-eta"))
        XCTAssertEqual(variant.configuration(over: base),
                       ModelConfiguration(rule: .oja, alpha: .free, width: 4, size: 32, traceRows: .all, learnEta: true))
    }
}
