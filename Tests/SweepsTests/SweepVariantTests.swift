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
                     "oja-loose", "oja-free-first-rows", "oja-winograd", "oja-free-winograd-learn-eta",
                     "none-direct", "oja-free-direct", "oja-free-winograd-winograd", "none-free-winograd"] {
            XCTAssertNil(SweepVariant(name: name), name)
        }
    }

    /// `-winograd` ends the name of a variant whose convolutions are winograd, of rule none
    /// too; a direct variant keeps its name without a suffix.
    func testTheWinogradSuffixNamesTheArithmetic() throws {
        for name in ["none-winograd", "hebb-yoked-winograd", "oja-free-first-row-learn-eta-winograd"] {
            let variant = try XCTUnwrap(SweepVariant(name: name), name)
            XCTAssertEqual(variant.convolution, .winograd, name)
            XCTAssertEqual(variant.description, name)
            XCTAssertEqual(variant.computing(with: .direct).description, String(name.dropLast("-winograd".count)))
        }
        XCTAssertTrue(SweepVariant.standard.allSatisfy { $0.convolution == .direct })
        let computed = SweepVariant.standard.map { $0.computing(with: .winograd) }
        XCTAssertEqual(computed.map(\.description), SweepVariant.standard.map { $0.description + "-winograd" })
        XCTAssertEqual(computed.map(\.description).compactMap(SweepVariant.init(name:)), computed)
        XCTAssertEqual(SweepVariant(name: "oja-free-winograd")?.configuration(over: ModelConfiguration(width: 4)),
                       ModelConfiguration(rule: .oja, alpha: .free, width: 4, convolution: .winograd))
        XCTAssertEqual(SweepVariant(name: "oja-free")?.configuration(over: ModelConfiguration(convolution: .winograd)),
                       ModelConfiguration(rule: .oja, alpha: .free))
    }

    func testTheDefaultBaselineIsHebbFreeOrItsWinogradFormInASweepWithoutIt() {
        XCTAssertEqual(SweepVariant.defaultBaseline(among: ["none", "hebb-free", "hebb-free-winograd"]), "hebb-free")
        XCTAssertEqual(SweepVariant.defaultBaseline(among: ["none-winograd", "hebb-free-winograd"]), "hebb-free-winograd")
        XCTAssertEqual(SweepVariant.defaultBaseline(among: ["oja-free"]), "hebb-free")
    }

    func testAVariantReplacesOnlyItsOwnSettings() throws {
        let base = ModelConfiguration(rule: .none, alpha: .yoked, width: 4, size: 32, traceRows: .first, learnEta: false)
        let variant = try XCTUnwrap(SweepVariant(name: "oja-free-learn-eta"))
        XCTAssertEqual(variant.configuration(over: base),
                       ModelConfiguration(rule: .oja, alpha: .free, width: 4, size: 32, traceRows: .all, learnEta: true))
    }
}
