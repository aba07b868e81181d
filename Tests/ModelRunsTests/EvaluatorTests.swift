import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import TGSData
import XCTest

final class EvaluatorTests: XCTestCase {
    func testTheTraceModesGiveDifferentProbabilities() throws {
        let stored = try EvaluationFixture.evaluate(traceMode: .stored).predictions
        let zero = try EvaluationFixture.evaluate(traceMode: .zero).predictions
        let online = try EvaluationFixture.evaluate(traceMode: .online).predictions
        XCTAssertEqual(stored.map(\.id), EvaluationFixture.data.samples.map(\.id).sorted(by: IDOrder.precedes))
        for index in stored.indices {
            XCTAssertNotEqual(stored[index].probabilities, zero[index].probabilities, stored[index].id)
        }
        // The online trace starts as the stored one and changes after every image.
        XCTAssertEqual(online[0].probabilities, stored[0].probabilities)
        for index in 1..<online.count {
            XCTAssertNotEqual(online[index].probabilities, stored[index].probabilities, online[index].id)
            XCTAssertNotEqual(online[index].probabilities, zero[index].probabilities, online[index].id)
        }
    }

    func testTheReportDoesNotDependOnTheThreadCount() throws {
        let one = try EvaluationFixture.evaluate(traceMode: .online, threads: 1)
        let three = try EvaluationFixture.evaluate(traceMode: .online, threads: 3)
        XCTAssertEqual(one.report, three.report)
        XCTAssertEqual(one.predictions.map(\.probabilities), three.predictions.map(\.probabilities))
    }

    func testTheReportAgreesWithItsImagesAndItsSweep() throws {
        let report = try EvaluationFixture.evaluate(threshold: 0.5).report
        let part = try XCTUnwrap(report.modelPart)
        XCTAssertEqual(report.images.count, 5)
        XCTAssertEqual(report.summary.score,
                       Double(report.images.map(\.passedThresholds).reduce(0, +)) / Double(10 * report.images.count))
        // θ_15 is 0.5: the sweep's score there is the score at threshold 0.5.
        XCTAssertEqual(part.sweep.scores[15], report.summary.score)
        let losses = report.images.compactMap(\.loss)
        XCTAssertEqual(losses.count, 5)
        XCTAssertEqual(part.loss, losses.reduce(0, +) / 5)
        XCTAssertEqual(part.data, DataIdentity(fingerprint: EvaluationFixture.data.fingerprint, size: 16, split: .all,
                                               imageCount: 5))
        XCTAssertEqual(report.threshold, 0.5)
    }

    func testTheLossAndScoreOfGivenProbabilities() throws {
        let model = EvaluationFixture.model().identity
        let data = DataIdentity(fingerprint: String(repeating: "0", count: 64), size: 2, split: .all, imageCount: 2)
        // Image x: Y = 0.5 everywhere, truth 1 0 0 1: loss ln 2; at 0.5 nothing is predicted (0 passed).
        // Image y: Y = 0.9, 0.1, 0.1, 0.1 over truth 1 0 0 0: loss (-ln 0.9 - 3 ln(1 - 0.1)) / 4 (of
        // the float values); predicted = truth (10 passed).
        let report = Evaluator.report(model: model, data: data, traceMode: .zero, threshold: 0.5, predictions: [
            (probabilities: [0.5, 0.5, 0.5, 0.5], truth: [1, 0, 0, 1], id: "x"),
            (probabilities: [0.9, 0.1, 0.1, 0.1], truth: [1, 0, 0, 0], id: "y"),
        ])
        XCTAssertEqual(report.images.map(\.passedThresholds), [0, 10])
        XCTAssertEqual(report.images[0].loss ?? 0, 0.693_147_180_559_945_3, accuracy: 1e-15)
        let expected = (-log(Double(Float(0.9))) - 3 * log(1 - Double(Float(0.1)))) / 4
        XCTAssertEqual(report.images[1].loss ?? 0, expected, accuracy: 1e-15)
        XCTAssertEqual(report.summary.score, 0.5)
        XCTAssertEqual(report.images.map(\.coverageClass), [5, 3])
        let sweep = try XCTUnwrap(report.modelPart).sweep
        // x has salt above θ only for θ < 0.5 (IoU 1/2 passes nothing); y passes all ten for every θ.
        XCTAssertEqual(sweep.scores, [Double](repeating: 0.5, count: 31))
        XCTAssertEqual(sweep.bestThreshold, 0.3)
    }

    func testTheSplitsOfATrainedModel() throws {
        let ids = EvaluationFixture.data.samples.map(\.id)
        let model = EvaluationFixture.model()
        XCTAssertEqual(try EvaluationSplit.val.ids(of: model.contents, in: EvaluationFixture.data, modelName: "m.h5"),
                       Array(ids.prefix(2)).sorted(by: IDOrder.precedes))
        XCTAssertEqual(try EvaluationSplit.train.ids(of: model.contents, in: EvaluationFixture.data, modelName: "m.h5"),
                       Array(ids.dropFirst(2)).sorted(by: IDOrder.precedes))
        XCTAssertEqual(try EvaluationFixture.evaluate(split: .val).report.images.count, 2)
    }

    func testSplitsThatCannotBeEvaluatedAreRefusedByName() {
        let untrained = EvaluationFixture.model(trained: false)
        XCTAssertThrowsError(try EvaluationFixture.evaluate(untrained, split: .val)) { error in
            XCTAssertEqual("\(error)", "m.h5 records no split (it was never trained): use --split all")
        }
        XCTAssertNoThrow(try EvaluationFixture.evaluate(untrained, split: .all))
        let other = SyntheticSeismic(size: 16, seed: 4).dataSet(count: 3)
        XCTAssertThrowsError(try EvaluationSplit.val.ids(of: EvaluationFixture.model().contents, in: other,
                                                         modelName: "m.h5")) { error in
            XCTAssertTrue("\(error)".contains("the data is not the data m.h5 was trained on"), "\(error)")
            XCTAssertTrue("\(error)".contains(other.fingerprint), "\(error)")
            XCTAssertTrue("\(error)".contains(EvaluationFixture.data.fingerprint), "\(error)")
        }
        XCTAssertNoThrow(try EvaluationSplit.all.ids(of: EvaluationFixture.model().contents, in: other, modelName: "m.h5"))
        let larger = SyntheticSeismic(size: 20, seed: 4).dataSet(count: 2)
        XCTAssertThrowsError(try EvaluationSplit.all.ids(of: EvaluationFixture.model().contents, in: larger,
                                                         modelName: "m.h5")) { error in
            XCTAssertEqual("\(error)", "the data's images are 20 x 20 but m.h5 takes 16 x 16")
        }
    }

    func testAModelWithANaNParameterIsRefused() {
        var model = EvaluationFixture.model()
        var weight = model.contents.parameters[.head(.w)] ?? Tensor(shape: [16, 16])
        weight.scalars[5] = .nan
        model.contents.parameters.set(.head(.w), to: weight)
        XCTAssertThrowsError(try EvaluationFixture.evaluate(model)) { error in
            XCTAssertEqual("\(error)", "cannot evaluate m.h5: /plastic/w holds a NaN or an infinity")
        }
    }
}
