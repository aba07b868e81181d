import Foundation
import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import XCTest

/// `evaluate --convolution` and `predict --convolution`: the recorded arithmetic, or the
/// override, and what the reports say of it. The tests compare the two arithmetics only
/// with themselves, never with each other.
final class ConvolutionChoiceTests: XCTestCase {
    func testTheChoiceIsTheOverrideElseTheRecordedOneAndIsReportedWhereWinogradIsInvolved() {
        let cases: [(recorded: ConvolutionArithmetic, override: ConvolutionArithmetic?, used: ConvolutionArithmetic,
                     reported: Bool, text: String)] = [
            (.direct, nil, .direct, false, "convolution direct"),
            (.direct, .direct, .direct, false, "convolution direct"),
            (.direct, .winograd, .winograd, true, "convolution winograd (the model records direct)"),
            (.winograd, nil, .winograd, true, "convolution winograd"),
            (.winograd, .direct, .direct, true, "convolution direct (the model records winograd)"),
        ]
        for item in cases {
            let choice = ConvolutionChoice(recorded: item.recorded, override: item.override)
            XCTAssertEqual(choice.used, item.used, "\(item)")
            XCTAssertEqual(choice.isReported, item.reported, "\(item)")
            XCTAssertEqual(choice.text, item.text, "\(item)")
            let applied = choice.applied(to: EvaluationFixture.model().contents)
            XCTAssertEqual(applied.configuration.model.convolution, item.used)
        }
    }

    /// The same weights in a direct and a winograd file: each is evaluated with the
    /// arithmetic it records (the network is built from that configuration), and with an
    /// override it gives exactly what the other file gives as recorded.
    func testAStoredModelIsEvaluatedWithItsArithmeticOrTheOverride() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("choice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var contents = EvaluationFixture.model().contents
        let direct = try write(contents, to: folder.appendingPathComponent("direct.h5"))
        contents.configuration.model.convolution = .winograd
        let winograd = try write(contents, to: folder.appendingPathComponent("winograd.h5"))
        XCTAssertEqual(winograd.contents.configuration.model.convolution, .winograd)

        func evaluate(_ model: StoredModel, _ override: ConvolutionArithmetic?) throws -> ModelEvaluation {
            try Evaluator.evaluate(model, data: EvaluationFixture.data, split: .all, traceMode: .stored, threshold: 0.5,
                                   kernels: FastKernels(threadCount: 1), convolution: override)
        }
        let asRecorded = (direct: try evaluate(direct, nil), winograd: try evaluate(winograd, nil))
        XCTAssertEqual(asRecorded.direct.report.modelPart?.convolution, ConvolutionChoice(recorded: .direct))
        XCTAssertEqual(asRecorded.winograd.report.modelPart?.convolution, ConvolutionChoice(recorded: .winograd))
        XCTAssertEqual(try evaluate(direct, .direct).report, asRecorded.direct.report)

        let overridden = (direct: try evaluate(winograd, .direct), winograd: try evaluate(direct, .winograd))
        XCTAssertEqual(overridden.direct.report.modelPart?.convolution,
                       ConvolutionChoice(recorded: .winograd, override: .direct))
        XCTAssertEqual(overridden.winograd.report.modelPart?.convolution,
                       ConvolutionChoice(recorded: .direct, override: .winograd))
        XCTAssertEqual(overridden.direct.predictions.map(\.probabilities), asRecorded.direct.predictions.map(\.probabilities))
        XCTAssertEqual(overridden.winograd.predictions.map(\.probabilities),
                       asRecorded.winograd.predictions.map(\.probabilities))
        XCTAssertEqual(overridden.direct.report.summary, asRecorded.direct.report.summary)
    }

    private func write(_ contents: ModelFileContents, to url: URL) throws -> StoredModel {
        try ModelFileWriter.write(contents, to: url, threads: 1)
        return try ModelFileReader.read(url, using: .direct, threads: 1)
    }
}
