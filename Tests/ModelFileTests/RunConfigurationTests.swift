import Foundation
import ModelFile
import PlasticUNet
import Training
import XCTest

final class RunConfigurationTests: XCTestCase {
    func testJSONIsFlatSortedAndRoundTrips() throws {
        let configuration = RunConfiguration(
            model: ModelConfiguration(rule: .hebb, alpha: .yoked, width: 4, size: 48, traceRows: .first, learnEta: true),
            training: TrainingOptions(seed: 18_446_744_073_709_551_615, epochs: 3, learningRate: 1e-3,
                                      shuffle: false, initialModelSHA256: "ab"))
        let text = configuration.jsonText()
        XCTAssertEqual(text, #"{"alpha":"yoked","dropout":0.5,"epochs":3,"eval_trace":"stored","gamma":0.666,"#
            + #""init_sha256":"ab","learn_eta":true,"lr":0.001,"rule":"hebb","seed":18446744073709551615,"#
            + #""shuffle":false,"size":48,"step_size":100000,"trace_rows":"first","val_fraction":0.2,"width":4}"#)
        XCTAssertEqual(try RunConfiguration(jsonText: text), configuration)
    }

    func testMissingOrMalformedKeysAreNamed() {
        XCTAssertThrowsError(try RunConfiguration(jsonText: #"{"rule":"oja"}"#)) { error in
            XCTAssertTrue("\(error)".contains("missing key"), "\(error)")
        }
        XCTAssertThrowsError(try RunConfiguration(jsonText: "not json")) { error in
            XCTAssertEqual("\(error)", "config: not valid JSON")
            XCTAssertEqual(error as? ModelFileError, .configuration(.notJSON))
        }
        let wrongRule = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
            .jsonText().replacingOccurrences(of: #""rule":"oja""#, with: #""rule":"anti-hebb""#)
        XCTAssertThrowsError(try RunConfiguration(jsonText: wrongRule)) { error in
            XCTAssertEqual("\(error)", #"config: bad value for "rule""#)
        }
    }

    func testAKeyThisVersionDoesNotKnowIsRefused() {
        let newer = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
            .jsonText().replacingOccurrences(of: "}", with: #","convolution":"winograd"}"#)
        XCTAssertThrowsError(try RunConfiguration(jsonText: newer)) { error in
            XCTAssertEqual("\(error)", #"config: unknown key "convolution" (written by a newer plastic-unet?)"#)
            XCTAssertEqual(error as? ModelFileError, .configuration(.unknownKey("convolution")))
        }
    }

    /// The keys of the first release of format version 1 are exactly those a configuration
    /// writes (every one of them, `init_sha256` when set): a key added later is written only
    /// when it differs from its default, so it never shows in a default configuration and a
    /// file of an old recipe keeps its bytes (docs/FORMAT.md, "Versions").
    func testTheFirstKeysAreEveryKeyWrittenAndEveryKeyKnown() throws {
        var configuration = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
        configuration.training.initialModelSHA256 = String(repeating: "a", count: 64)
        let written = try JSONSerialization.jsonObject(with: Data(configuration.jsonText().utf8)) as? [String: Any]
        XCTAssertEqual(Set(written?.keys.map { $0 } ?? []), RunConfiguration.firstKeys)
        XCTAssertEqual(RunConfiguration.knownKeys, RunConfiguration.firstKeys)
    }
}
