import Foundation
import ModelFile
import PlasticUNet
import XCTest

final class ParameterPlaceTests: XCTestCase {
    /// The state_dict of the original PyTorch UNetpRes for n = 16, S = 101: "key AxBx..." per
    /// line, from fixtures/reference.
    private let originalStateDict = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/reference/torch-state-dict-n16-s101.txt"),
        encoding: .utf8)
        .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)

    func testTheTorchNamesOfWidth16Size101AreTheOriginalStateDict() throws {
        let schema = try ModelSchema.embedded()
        let specs = ParameterLayout.specs(for: ModelConfiguration(rule: .oja, alpha: .free, width: 16, size: 101))
        let ours = try specs.map {
            "\(try schema.place(of: $0.name).torchName) " + $0.shape.map(String.init).joined(separator: "x")
        }
        XCTAssertEqual(ours, originalStateDict)
    }

    func testPlacesOfHeadAndConvolutionTensors() throws {
        let schema = try ModelSchema.embedded()
        XCTAssertEqual(try schema.place(of: .head(.alpha)), ParameterPlace(path: "/plastic/alpha", torchName: "alpha"))
        XCTAssertEqual(try schema.place(of: .convolution(layer: "down1.res2.conv1", part: .weight)),
                       ParameterPlace(path: "/parameters/down1.res2.conv1/weight",
                                      torchName: "conv1.dconv.2.conv.1.conv.weight"))
        XCTAssertEqual(try schema.place(of: .convolution(layer: "up3.transpose", part: .bias)),
                       ParameterPlace(path: "/parameters/up3.transpose/bias", torchName: "uconv3.dconv.bias"))
        XCTAssertEqual(ParameterName.head(.w).modelFilePath, "/plastic/w")
        XCTAssertThrowsError(try schema.place(of: .convolution(layer: "down9.conv", part: .weight))) { error in
            XCTAssertEqual("\(error)", "model schema: no convolution down9.conv")
            XCTAssertEqual(error as? ModelFileError, .schema(.noConvolution("down9.conv")))
        }
    }
}
