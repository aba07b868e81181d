import Kernels
import PlasticUNet
import XCTest

final class ParameterLayoutTests: XCTestCase {
    /// The state_dict of the original PyTorch UNetpRes for n = 16, S = 101: key and shape.
    private let originalStateDict = """
w 101x101
alpha 101x101
eta 1
conv1.dconv.0.weight 16x1x3x3
conv1.dconv.0.bias 16
conv1.dconv.1.conv.1.conv.weight 16x16x3x3
conv1.dconv.1.conv.1.conv.bias 16
conv1.dconv.1.conv.2.conv.weight 16x16x3x3
conv1.dconv.1.conv.2.conv.bias 16
conv1.dconv.2.conv.1.conv.weight 16x16x3x3
conv1.dconv.2.conv.1.conv.bias 16
conv1.dconv.2.conv.2.conv.weight 16x16x3x3
conv1.dconv.2.conv.2.conv.bias 16
conv2.dconv.0.weight 32x16x3x3
conv2.dconv.0.bias 32
conv2.dconv.1.conv.1.conv.weight 32x32x3x3
conv2.dconv.1.conv.1.conv.bias 32
conv2.dconv.1.conv.2.conv.weight 32x32x3x3
conv2.dconv.1.conv.2.conv.bias 32
conv2.dconv.2.conv.1.conv.weight 32x32x3x3
conv2.dconv.2.conv.1.conv.bias 32
conv2.dconv.2.conv.2.conv.weight 32x32x3x3
conv2.dconv.2.conv.2.conv.bias 32
conv3.dconv.0.weight 64x32x3x3
conv3.dconv.0.bias 64
conv3.dconv.1.conv.1.conv.weight 64x64x3x3
conv3.dconv.1.conv.1.conv.bias 64
conv3.dconv.1.conv.2.conv.weight 64x64x3x3
conv3.dconv.1.conv.2.conv.bias 64
conv3.dconv.2.conv.1.conv.weight 64x64x3x3
conv3.dconv.2.conv.1.conv.bias 64
conv3.dconv.2.conv.2.conv.weight 64x64x3x3
conv3.dconv.2.conv.2.conv.bias 64
conv4.dconv.0.weight 128x64x3x3
conv4.dconv.0.bias 128
conv4.dconv.1.conv.1.conv.weight 128x128x3x3
conv4.dconv.1.conv.1.conv.bias 128
conv4.dconv.1.conv.2.conv.weight 128x128x3x3
conv4.dconv.1.conv.2.conv.bias 128
conv4.dconv.2.conv.1.conv.weight 128x128x3x3
conv4.dconv.2.conv.1.conv.bias 128
conv4.dconv.2.conv.2.conv.weight 128x128x3x3
conv4.dconv.2.conv.2.conv.bias 128
mid.mconv.0.weight 256x128x3x3
mid.mconv.0.bias 256
mid.mconv.1.conv.1.conv.weight 256x256x3x3
mid.mconv.1.conv.1.conv.bias 256
mid.mconv.1.conv.2.conv.weight 256x256x3x3
mid.mconv.1.conv.2.conv.bias 256
mid.mconv.2.conv.1.conv.weight 256x256x3x3
mid.mconv.2.conv.1.conv.bias 256
mid.mconv.2.conv.2.conv.weight 256x256x3x3
mid.mconv.2.conv.2.conv.bias 256
uconv4.dconv.weight 256x128x3x3
uconv4.dconv.bias 128
uconv4.uconv.1.mconv.0.weight 128x256x3x3
uconv4.uconv.1.mconv.0.bias 128
uconv4.uconv.1.mconv.1.conv.1.conv.weight 128x128x3x3
uconv4.uconv.1.mconv.1.conv.1.conv.bias 128
uconv4.uconv.1.mconv.1.conv.2.conv.weight 128x128x3x3
uconv4.uconv.1.mconv.1.conv.2.conv.bias 128
uconv4.uconv.1.mconv.2.conv.1.conv.weight 128x128x3x3
uconv4.uconv.1.mconv.2.conv.1.conv.bias 128
uconv4.uconv.1.mconv.2.conv.2.conv.weight 128x128x3x3
uconv4.uconv.1.mconv.2.conv.2.conv.bias 128
uconv3.dconv.weight 128x64x3x3
uconv3.dconv.bias 64
uconv3.uconv.1.mconv.0.weight 64x128x3x3
uconv3.uconv.1.mconv.0.bias 64
uconv3.uconv.1.mconv.1.conv.1.conv.weight 64x64x3x3
uconv3.uconv.1.mconv.1.conv.1.conv.bias 64
uconv3.uconv.1.mconv.1.conv.2.conv.weight 64x64x3x3
uconv3.uconv.1.mconv.1.conv.2.conv.bias 64
uconv3.uconv.1.mconv.2.conv.1.conv.weight 64x64x3x3
uconv3.uconv.1.mconv.2.conv.1.conv.bias 64
uconv3.uconv.1.mconv.2.conv.2.conv.weight 64x64x3x3
uconv3.uconv.1.mconv.2.conv.2.conv.bias 64
uconv2.dconv.weight 64x32x3x3
uconv2.dconv.bias 32
uconv2.uconv.1.mconv.0.weight 32x64x3x3
uconv2.uconv.1.mconv.0.bias 32
uconv2.uconv.1.mconv.1.conv.1.conv.weight 32x32x3x3
uconv2.uconv.1.mconv.1.conv.1.conv.bias 32
uconv2.uconv.1.mconv.1.conv.2.conv.weight 32x32x3x3
uconv2.uconv.1.mconv.1.conv.2.conv.bias 32
uconv2.uconv.1.mconv.2.conv.1.conv.weight 32x32x3x3
uconv2.uconv.1.mconv.2.conv.1.conv.bias 32
uconv2.uconv.1.mconv.2.conv.2.conv.weight 32x32x3x3
uconv2.uconv.1.mconv.2.conv.2.conv.bias 32
uconv1.dconv.weight 32x16x3x3
uconv1.dconv.bias 16
uconv1.uconv.1.mconv.0.weight 16x32x3x3
uconv1.uconv.1.mconv.0.bias 16
uconv1.uconv.1.mconv.1.conv.1.conv.weight 16x16x3x3
uconv1.uconv.1.mconv.1.conv.1.conv.bias 16
uconv1.uconv.1.mconv.1.conv.2.conv.weight 16x16x3x3
uconv1.uconv.1.mconv.1.conv.2.conv.bias 16
uconv1.uconv.1.mconv.2.conv.1.conv.weight 16x16x3x3
uconv1.uconv.1.mconv.2.conv.1.conv.bias 16
uconv1.uconv.1.mconv.2.conv.2.conv.weight 16x16x3x3
uconv1.uconv.1.mconv.2.conv.2.conv.bias 16
outc.conv.weight 1x16x1x1
outc.conv.bias 1
"""

    func testOjaFreeWidth16Size101MatchesTheOriginalStateDict() {
        let specs = ParameterLayout.specs(for: ModelConfiguration(rule: .oja, alpha: .free, width: 16, size: 101))
        let ours = specs.map { "\($0.torchName) " + $0.shape.map(String.init).joined(separator: "x") }
        XCTAssertEqual(ours, originalStateDict.split(separator: "\n").map(String.init))
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
