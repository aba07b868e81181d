import Foundation
import HDF5Kit
import Interop
import Kernels
import ModelFile
import PlasticUNet
import Training
import XCTest

/// Export to a state_dict and import back: the same tensors under the original module's
/// keys, and every way a state_dict can fail to fit, named.
final class TorchStateDictTests: XCTestCase {
    private let file = "sd.h5"

    /// A small untrained model whose trace is not zero.
    private func model(rule: PlasticityRule = .oja, alpha: AlphaKind = .free) -> ModelFileContents {
        let configuration = RunConfiguration(model: ModelConfiguration(rule: rule, alpha: alpha, width: 1, size: 16),
                                             training: TrainingOptions(seed: 7, epochs: 3))
        var contents = ModelFileContents.untrained(configuration: configuration)
        contents.trace?.hebb = Tensor(shape: [16, 16], scalars: (0..<256).map { Float($0) / 256 - 0.5 })
        contents.trace?.samples = 9
        return contents
    }

    private func options(rule: PlasticityRule = .oja, alpha: AlphaKind = .free) -> TorchImportOptions {
        TorchImportOptions(rule: rule, alpha: alpha, traceRows: .all, learnEta: false)
    }

    private func imported(_ stateDict: TorchStateDict, _ options: TorchImportOptions) throws -> ModelFileContents {
        try TorchImport.contents(of: stateDict, file: file, sourceSHA256: "ab", options: options)
    }

    private func assertRefused(_ stateDict: TorchStateDict, _ options: TorchImportOptions, naming fragments: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try imported(stateDict, options), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(error is InteropError, message, file: file, line: line)
            XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
            for fragment in [self.file] + fragments {
                XCTAssertTrue(message.contains(fragment), "\(message) lacks \(fragment)", file: file, line: line)
            }
        }
    }

    func testExportUsesTheOriginalKeysInTheirOrder() throws {
        let stateDict = try TorchStateDict(exporting: model())
        let keys = stateDict.entries.map(\.key)
        XCTAssertEqual(Array(keys.prefix(5)), ["w", "alpha", "eta", "conv1.dconv.0.weight", "conv1.dconv.0.bias"])
        XCTAssertEqual(keys.last, "outc.conv.bias")
        XCTAssertEqual(keys.count, 103)
        XCTAssertEqual(stateDict["conv1.dconv.1.conv.2.conv.weight"]?.shape, [1, 1, 3, 3])
        XCTAssertEqual(stateDict["uconv4.dconv.weight"]?.shape, [16, 8, 3, 3])
        XCTAssertEqual(stateDict.traceSamples, 9)
    }

    func testImportOfAnExportHoldsTheSameTensorsAndTrace() throws {
        for (rule, alpha) in [(PlasticityRule.oja, AlphaKind.free), (.hebb, .yoked), (.none, .free)] {
            let original = model(rule: rule, alpha: alpha)
            let back = try imported(try TorchStateDict(exporting: original), options(rule: rule, alpha: alpha))
            XCTAssertEqual(back.parameters, original.parameters, "\(rule) \(alpha)")
            XCTAssertEqual(back.trace, original.trace, "\(rule) \(alpha)")
            XCTAssertEqual(back.configuration.model, original.configuration.model)
            XCTAssertEqual(back.configuration.training.epochs, 0)
            XCTAssertEqual(back.configuration.training.initialModelSHA256, "ab")
            XCTAssertEqual(back.optimizer.step, 0)
            XCTAssertTrue(back.optimizer.firstMoments.allSatisfy { $0.scalars.allSatisfy { $0 == 0 } })
        }
    }

    func testWithoutHebbTheTraceStartsAtZero() throws {
        var stateDict = try TorchStateDict(exporting: model())
        stateDict.trace = nil
        stateDict.traceSamples = nil
        let back = try imported(stateDict, options())
        XCTAssertEqual(back.trace, PlasticTrace.zero(for: back.configuration.model))
    }

    func testTheFileRoundTripsThroughHDF5() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("state.h5")
        let stateDict = try TorchStateDict(exporting: model())
        try stateDict.write(to: url)
        let read = try TorchStateDict.read(try HDF5Reading.direct.read(url))
        XCTAssertEqual(Set(read.entries.map(\.key)), Set(stateDict.entries.map(\.key)))
        for entry in stateDict.entries { XCTAssertEqual(read[entry.key], entry.tensor, entry.key) }
        XCTAssertEqual(read.trace, stateDict.trace)
        XCTAssertEqual(read.traceSamples, 9)
    }

    func testAMissingKeyIsNamed() throws {
        var stateDict = try TorchStateDict(exporting: model())
        stateDict.entries.removeAll { $0.key == "mid.mconv.2.conv.1.conv.bias" }
        assertRefused(stateDict, options(), naming: ["missing key mid.mconv.2.conv.1.conv.bias", "shape 16"])
    }

    func testAWrongShapeIsNamedWithBothShapes() throws {
        var stateDict = try TorchStateDict(exporting: model())
        let index = try XCTUnwrap(stateDict.entries.firstIndex { $0.key == "uconv2.dconv.weight" })
        stateDict.entries[index] = .init(key: "uconv2.dconv.weight", tensor: Tensor(shape: [4, 3, 3, 3]))
        assertRefused(stateDict, options(), naming: ["key uconv2.dconv.weight has shape 4 x 3 x 3 x 3",
                                                      "expected 4 x 2 x 3 x 3"])
    }

    func testAnUnknownKeyIsNamed() throws {
        var stateDict = try TorchStateDict(exporting: model())
        stateDict.entries.append(.init(key: "conv9.weight", tensor: Tensor(shape: [1])))
        assertRefused(stateDict, options(), naming: ["unexpected key conv9.weight"])
    }

    func testAFreeAlphaIsNotImportedAsYokedAndSaysWhy() throws {
        let stateDict = try TorchStateDict(exporting: model())
        assertRefused(stateDict, options(alpha: .yoked), naming: ["key alpha has shape 16 x 16", "--alpha free"])
        let yoked = try TorchStateDict(exporting: model(alpha: .yoked))
        assertRefused(yoked, options(alpha: .free), naming: ["key alpha has shape 1", "--alpha yoked"])
    }

    func testRuleNoneRefusesPlasticTensors() throws {
        assertRefused(try TorchStateDict(exporting: model()), options(rule: .none), naming: ["unexpected key alpha"])
    }

    func testNonFiniteValuesAreRefused() throws {
        var stateDict = try TorchStateDict(exporting: model())
        stateDict.trace?.scalars[3] = .nan
        assertRefused(stateDict, options(), naming: ["key hebb holds NaN"])
        stateDict = try TorchStateDict(exporting: model())
        let index = try XCTUnwrap(stateDict.entries.firstIndex { $0.key == "eta" })
        stateDict.entries[index] = .init(key: "eta", tensor: Tensor(shape: [1], scalars: [.infinity]))
        assertRefused(stateDict, options(), naming: ["key eta holds NaN or an infinity"])
        XCTAssertThrowsError(try imported(stateDict, options())) { error in
            XCTAssertEqual(error as? InteropError, .nonFinite(file: file, key: "eta"))
        }
    }

    func testTheWidthAndSizeComeFromTheTensors() throws {
        var stateDict = try TorchStateDict(exporting: model())
        stateDict.entries.removeAll { $0.key == "conv1.dconv.0.weight" }
        assertRefused(stateDict, options(), naming: ["missing key conv1.dconv.0.weight", "width"])
        stateDict = try TorchStateDict(exporting: model())
        let index = try XCTUnwrap(stateDict.entries.firstIndex { $0.key == "w" })
        stateDict.entries[index] = .init(key: "w", tensor: Tensor(shape: [16, 15]))
        assertRefused(stateDict, options(), naming: ["key w has shape 16 x 15", "S x S"])
    }
}
