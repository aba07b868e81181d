import Foundation
import Kernels
import PlasticUNet
import RandomStreams
import XCTest

final class ParameterLayoutTests: XCTestCase {
    /// The state_dict of the original PyTorch UNetpRes for n = 16, S = 101: "key AxBx..." per
    /// line, from fixtures/reference.
    private let originalStateDict = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/reference/torch-state-dict-n16-s101.txt"),
        encoding: .utf8)
        .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)

    /// The tensors come in the original's order with the original's shapes (the names
    /// that files give them are the file layer's, tested there).
    func testOjaFreeWidth16Size101HasTheShapesOfTheOriginalStateDictInItsOrder() {
        let specs = ParameterLayout.specs(for: ModelConfiguration(rule: .oja, alpha: .free, width: 16, size: 101))
        let ours = specs.map { $0.shape.map(String.init).joined(separator: "x") }
        XCTAssertEqual(ours, originalStateDict.map { String($0.split(separator: " ")[1]) })
        XCTAssertEqual(specs.reduce(0) { $0 + $1.scalarCount }, 5_125_540)
        XCTAssertEqual(specs.prefix(5).map(\.name.description),
                       ["w", "alpha", "eta", "down1.conv.weight", "down1.conv.bias"])
    }

    func testRuleNoneHasNeitherAlphaNorEtaAndYokedAlphaIsOneScalar() {
        let none = ParameterLayout.specs(for: ModelConfiguration(rule: .none, width: 2, size: 32))
        XCTAssertNil(none.first { $0.name == .head(.alpha) || $0.name == .head(.eta) })
        let yoked = ParameterLayout.specs(for: ModelConfiguration(rule: .hebb, alpha: .yoked, width: 2, size: 32))
        XCTAssertEqual(yoked.first { $0.name == .head(.alpha) }?.shape, [1])
        XCTAssertEqual(yoked.first { $0.name == .head(.w) }?.shape, [32, 32])
    }

    func testNamesAreUniqueAndWeightsAndBiasesPairUp() {
        let specs = ParameterLayout.specs(for: ModelConfiguration(width: 3, size: 40))
        XCTAssertEqual(Set(specs.map(\.name)).count, specs.count)
        XCTAssertEqual(Set(specs.map(\.name.description)).count, specs.count)
        let layers = NetworkLayout.convolutions(width: 3)
        XCTAssertEqual(layers.count, 50)
        for layer in layers {
            XCTAssertEqual(specs.first { $0.name == layer.parameterName(.bias) }?.shape, [layer.outChannels])
            XCTAssertEqual(specs.first { $0.name == layer.parameterName(.weight) }?.shape, layer.weightShape)
        }
    }

    /// The initial values of every tensor come from a stream keyed by a fixed string, so
    /// that a seed gives the same initial model in every version.
    func testInitialisationStreamsKeepTheirKeys() {
        XCTAssertEqual(ParameterName.head(.w).initialisationStream, "init:/plastic/w")
        XCTAssertEqual(ParameterName.head(.alpha).initialisationStream, "init:/plastic/alpha")
        XCTAssertEqual(ParameterName.head(.eta).initialisationStream, "init:/plastic/eta")
        XCTAssertEqual(ParameterName.convolution(layer: "up4.res2.conv1", part: .bias).initialisationStream,
                       "init:/parameters/up4.res2.conv1/bias")
        // The first values of w for seed 1, as every earlier version drew them.
        let w = ParameterSet.initialised(for: ModelConfiguration(rule: .none, width: 1, size: 16), seed: 1)[.head(.w)]
        var stream = RandomStream(seed: 1, name: "init:/plastic/w")
        XCTAssertEqual(w?.scalars.prefix(3).map { $0 }, (0..<3).map { _ in Float(0.01 * stream.nextNormal()) })
    }

    func testInitialisationIsReproducibleAndPerTensor() {
        let config = ModelConfiguration(rule: .hebb, alpha: .free, width: 2, size: 32)
        let a = ParameterSet.initialised(for: config, seed: 1)
        XCTAssertEqual(a, ParameterSet.initialised(for: config, seed: 1))
        XCTAssertNotEqual(a.tensors, ParameterSet.initialised(for: config, seed: 2).tensors)
        // A tensor depends on the seed and its name only, not on the rule.
        let none = ParameterSet.initialised(for: ModelConfiguration(rule: .none, width: 2, size: 32), seed: 1)
        let down1 = ParameterName.convolution(layer: "down1.conv", part: .weight)
        XCTAssertEqual(none[down1], a[down1])
        XCTAssertEqual(none[.head(.w)], a[.head(.w)])
    }

    func testInitialValuesFollowTheirDistributions() throws {
        let config = ModelConfiguration(rule: .oja, alpha: .free, width: 4, size: 64)
        let parameters = ParameterSet.initialised(for: config, seed: 5)
        // Conv weights: U(-1/sqrt(fanIn), 1/sqrt(fanIn)); down2.conv has fanIn 4·9 = 36, bound 1/6.
        let weight = try XCTUnwrap(parameters[.convolution(layer: "down2.conv", part: .weight)]).scalars
        XCTAssert(weight.allSatisfy { abs($0) < 1.0 / 6 })
        XCTAssertGreaterThan(weight.max()!, 0.15)
        // Transposed: fanIn = out·9; up4.transpose is 64 -> 32, bound 1/sqrt(288).
        let transposed = try XCTUnwrap(parameters[.convolution(layer: "up4.transpose", part: .weight)]).scalars
        XCTAssert(transposed.allSatisfy { Double(abs($0)) < 1 / 288.0.squareRoot() })
        // w ~ 0.01·N(0, 1): 4096 draws, standard deviation near 0.01.
        let w = try XCTUnwrap(parameters[.head(.w)]).scalars.map(Double.init)
        let rms = (w.reduce(0) { $0 + $1 * $1 } / Double(w.count)).squareRoot()
        XCTAssertEqual(rms, 0.01, accuracy: 0.0005)
        // alpha ~ 0.01·U[0, 1), eta = 0.01.
        let alpha = try XCTUnwrap(parameters[.head(.alpha)]).scalars
        XCTAssert(alpha.allSatisfy { $0 >= 0 && $0 < 0.01 })
        XCTAssertEqual(parameters[.head(.eta)]?.scalars, [Float(0.01)])
    }
}
