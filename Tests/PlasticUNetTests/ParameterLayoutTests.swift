import Foundation
import Kernels
import PlasticUNet
import XCTest

final class ParameterLayoutTests: XCTestCase {
    /// The state_dict of the original PyTorch UNetpRes for n = 16, S = 101: "key AxBx..." per
    /// line, from fixtures/reference.
    private let originalStateDict = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/reference/torch-state-dict-n16-s101.txt"),
        encoding: .utf8)
        .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)

    func testOjaFreeWidth16Size101MatchesTheOriginalStateDict() {
        let specs = ParameterLayout.specs(for: ModelConfiguration(rule: .oja, alpha: .free, width: 16, size: 101))
        let ours = specs.map { "\($0.torchName) " + $0.shape.map(String.init).joined(separator: "x") }
        XCTAssertEqual(ours, originalStateDict)
        XCTAssertEqual(specs.reduce(0) { $0 + $1.scalarCount }, 5_125_540)
    }

    func testRuleNoneHasNeitherAlphaNorEtaAndYokedAlphaIsOneScalar() {
        let none = ParameterLayout.specs(for: ModelConfiguration(rule: .none, width: 2, size: 32))
        XCTAssertNil(none.first { $0.torchName == "alpha" || $0.torchName == "eta" })
        let yoked = ParameterLayout.specs(for: ModelConfiguration(rule: .hebb, alpha: .yoked, width: 2, size: 32))
        XCTAssertEqual(yoked.first { $0.path == PlasticPath.alpha }?.shape, [1])
        XCTAssertEqual(yoked.first { $0.path == PlasticPath.w }?.shape, [32, 32])
    }

    func testPathsAreUniqueAndWeightsAndBiasesPairUp() {
        let specs = ParameterLayout.specs(for: ModelConfiguration(width: 3, size: 40))
        XCTAssertEqual(Set(specs.map(\.path)).count, specs.count)
        XCTAssertEqual(Set(specs.map(\.torchName)).count, specs.count)
        let layers = NetworkLayout.convolutions(width: 3)
        XCTAssertEqual(layers.count, 50)
        for layer in layers {
            XCTAssertEqual(specs.first { $0.path == ParameterLayout.biasPath(of: layer) }?.shape, [layer.outChannels])
        }
    }

    func testInitialisationIsReproducibleAndPerTensor() {
        let config = ModelConfiguration(rule: .hebb, alpha: .free, width: 2, size: 32)
        let a = ParameterSet.initialised(for: config, seed: 1)
        XCTAssertEqual(a, ParameterSet.initialised(for: config, seed: 1))
        XCTAssertNotEqual(a.tensors, ParameterSet.initialised(for: config, seed: 2).tensors)
        // A tensor depends on the seed and its path only, not on the rule.
        let none = ParameterSet.initialised(for: ModelConfiguration(rule: .none, width: 2, size: 32), seed: 1)
        XCTAssertEqual(none["/parameters/down1.conv/weight"], a["/parameters/down1.conv/weight"])
        XCTAssertEqual(none[PlasticPath.w], a[PlasticPath.w])
    }

    func testInitialValuesFollowTheirDistributions() throws {
        let config = ModelConfiguration(rule: .oja, alpha: .free, width: 4, size: 64)
        let parameters = ParameterSet.initialised(for: config, seed: 5)
        // Conv weights: U(-1/sqrt(fanIn), 1/sqrt(fanIn)); down2.conv has fanIn 4·9 = 36, bound 1/6.
        let weight = try XCTUnwrap(parameters["/parameters/down2.conv/weight"]).scalars
        XCTAssert(weight.allSatisfy { abs($0) < 1.0 / 6 })
        XCTAssertGreaterThan(weight.max()!, 0.15)
        // Transposed: fanIn = out·9; up4.transpose is 64 -> 32, bound 1/sqrt(288).
        let transposed = try XCTUnwrap(parameters["/parameters/up4.transpose/weight"]).scalars
        XCTAssert(transposed.allSatisfy { Double(abs($0)) < 1 / 288.0.squareRoot() })
        // w ~ 0.01·N(0, 1): 4096 draws, standard deviation near 0.01.
        let w = try XCTUnwrap(parameters[PlasticPath.w]).scalars.map(Double.init)
        let rms = (w.reduce(0) { $0 + $1 * $1 } / Double(w.count)).squareRoot()
        XCTAssertEqual(rms, 0.01, accuracy: 0.0005)
        // alpha ~ 0.01·U[0, 1), eta = 0.01.
        let alpha = try XCTUnwrap(parameters[PlasticPath.alpha]).scalars
        XCTAssert(alpha.allSatisfy { $0 >= 0 && $0 < 0.01 })
        XCTAssertEqual(parameters[PlasticPath.eta]?.scalars, [Float(0.01)])
    }
}
