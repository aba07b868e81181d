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
            XCTAssertEqual("\(error)", #"config: bad value "anti-hebb" for "rule" (this version knows none, hebb, oja)"#)
        }
        let wrongWidth = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
            .jsonText().replacingOccurrences(of: #""width":16"#, with: #""width":"wide""#)
        XCTAssertThrowsError(try RunConfiguration(jsonText: wrongWidth)) { error in
            XCTAssertEqual("\(error)", #"config: bad value for "width""#)
        }
    }

    func testAKeyThisVersionDoesNotKnowIsRefused() {
        let newer = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
            .jsonText().replacingOccurrences(of: "}", with: #","dilation":2}"#)
        XCTAssertThrowsError(try RunConfiguration(jsonText: newer)) { error in
            XCTAssertEqual("\(error)", #"config: unknown key "dilation" (written by a newer plastic-unet?)"#)
            XCTAssertEqual(error as? ModelFileError, .configuration(.unknownKey("dilation")))
        }
    }

    /// `convolution` is written only when it is not `direct`; a config without it is
    /// `direct`; a name it does not know is refused with the names it knows.
    func testTheConvolutionIsWrittenOnlyWhenItIsNotDirect() throws {
        let direct = RunConfiguration(model: ModelConfiguration(rule: .hebb, width: 2, size: 32),
                                      training: TrainingOptions(seed: 7))
        XCTAssertFalse(direct.jsonText().contains("convolution"), direct.jsonText())
        XCTAssertEqual(try RunConfiguration(jsonText: direct.jsonText()).model.convolution, .direct)
        var winograd = direct
        winograd.model.convolution = .winograd
        let text = winograd.jsonText()
        XCTAssertEqual(text, direct.jsonText().replacingOccurrences(of: #""alpha":"free","#,
                                                                    with: #""alpha":"free","convolution":"winograd","#))
        XCTAssertEqual(try RunConfiguration(jsonText: text), winograd)
        let fancy = text.replacingOccurrences(of: #""winograd""#, with: #""fancy""#)
        XCTAssertThrowsError(try RunConfiguration(jsonText: fancy)) { error in
            XCTAssertEqual("\(error)", #"config: bad value "fancy" for "convolution" (this version knows direct, winograd)"#)
            XCTAssertEqual(error as? ModelFileError,
                           .configuration(.unknownName(key: "convolution", value: "fancy", known: ["direct", "winograd"])))
        }
    }

    /// `folds` and `fold` are written only when folds are used, and read back; one without
    /// the other, too few folds or a fold outside them make the config unusable.
    func testTheFoldsAreWrittenOnlyWhenUsed() throws {
        let fraction = RunConfiguration(model: ModelConfiguration(width: 2, size: 32), training: TrainingOptions(seed: 7))
        XCTAssertFalse(fraction.jsonText().contains("fold"), fraction.jsonText())
        var folds = fraction
        folds.training.folds = 5
        folds.training.fold = 2
        XCTAssertEqual(folds.jsonText(), fraction.jsonText().replacingOccurrences(of: #""eval_trace":"stored","#,
                                                                                with: #""eval_trace":"stored","fold":2,"folds":5,"#))
        XCTAssertEqual(try RunConfiguration(jsonText: folds.jsonText()), folds)
        XCTAssertNil(folds.training.problem)
        let problems: [(Int?, Int?, String)] = [(5, nil, "folds needs fold"), (nil, 1, "fold needs folds"),
                                                (1, 1, "folds must be at least 2, got 1"),
                                                (5, 6, "fold must be in 1...5, got 6")]
        for (count, fold, message) in problems {
            var options = folds.training
            options.folds = count
            options.fold = fold
            XCTAssertEqual(options.problem?.hasPrefix(message), true, options.problem ?? "nil")
        }
    }

    /// Every key that takes a name is one this version knows.
    func testTheKeysThatTakeNamesAreKnown() {
        XCTAssertTrue(Set(RunConfiguration.knownNames.keys).isSubset(of: RunConfiguration.knownKeys))
    }

    /// The keys of the first release of format version 1 are exactly those a configuration
    /// writes (every one of them, `init_sha256` when set): a key added later (`convolution`,
    /// `folds`, `fold`) is written only when it differs from its default, so it never shows in a default
    /// configuration and a file of an old recipe keeps its bytes (docs/FORMAT.md, "Versions").
    func testTheFirstKeysAreEveryKeyWrittenAndEveryKeyKnown() throws {
        var configuration = RunConfiguration(model: ModelConfiguration(), training: TrainingOptions())
        configuration.training.initialModelSHA256 = String(repeating: "a", count: 64)
        let written = try JSONSerialization.jsonObject(with: Data(configuration.jsonText().utf8)) as? [String: Any]
        XCTAssertEqual(Set(written?.keys.map { $0 } ?? []), RunConfiguration.firstKeys)
        XCTAssertEqual(RunConfiguration.knownKeys.subtracting(RunConfiguration.firstKeys), ["convolution", "folds", "fold"])
    }
}
