import ModelRuns
import TGSData
import Training
import XCTest

final class StepPositionTests: XCTestCase {
    private let split = DataSplit(trainIDs: ["a", "b", "c", "d"], validationIDs: ["v"])

    func testWithoutShufflingAStepTakesTheSplitsImagesInOrderEpochAfterEpoch() throws {
        let options = TrainingOptions(seed: 1, shuffle: false)
        let positions = try (1...9).map { try XCTUnwrap(StepPosition(step: $0, options: options, split: split)) }
        XCTAssertEqual(positions.map(\.id), ["a", "b", "c", "d", "a", "b", "c", "d", "a"])
        XCTAssertEqual(positions.map(\.epoch), [1, 1, 1, 1, 2, 2, 2, 2, 3])
        XCTAssertEqual(positions.map(\.indexInEpoch), [1, 2, 3, 4, 1, 2, 3, 4, 1])
        XCTAssertEqual(positions[5].description, "step 6 (epoch 2, image 2 of 4, id b)")
        XCTAssertNil(StepPosition(step: 0, options: options, split: split))
        XCTAssertNil(StepPosition(step: 1, options: options, split: DataSplit(trainIDs: [], validationIDs: ["v"])))
    }

    func testWithShufflingEachEpochFollowsItsOwnOrder() throws {
        let options = TrainingOptions(seed: 5)
        for epoch in 0..<3 {
            let order = options.order(ofEpoch: epoch, trainIDs: split.trainIDs)
            XCTAssertEqual(Set(order), Set(split.trainIDs))
            for index in 0..<4 {
                let position = try XCTUnwrap(StepPosition(step: 4 * epoch + index + 1, options: options, split: split))
                XCTAssertEqual(position.id, order[index])
            }
        }
        XCTAssertNotEqual(options.order(ofEpoch: 0, trainIDs: split.trainIDs),
                          options.order(ofEpoch: 1, trainIDs: split.trainIDs))
    }
}

final class StepDivergenceTests: XCTestCase {
    private func digest(_ inputs: UInt64, _ parameters: UInt64, _ trace: UInt64, _ optimizer: UInt64) -> StepDigest {
        StepDigest(inputs: inputs, parameters: parameters, trace: trace, optimizer: optimizer)
    }

    func testTheFirstDifferingStepOfTheSharedPrefixIsNamedWithItsParts() throws {
        let a = [digest(1, 1, 1, 1), digest(2, 2, 2, 2), digest(3, 3, 3, 3)]
        XCTAssertNil(StepDivergence(a, a))
        XCTAssertNil(StepDivergence(a, Array(a.prefix(2))), "only the steps both record count")
        let b = [digest(1, 1, 1, 1), digest(2, 9, 2, 9), digest(8, 8, 8, 8)]
        let divergence = try XCTUnwrap(StepDivergence(a, b))
        XCTAssertEqual(divergence.step, 2)
        XCTAssertEqual(divergence.parts, ["parameters", "optimizer"])
        XCTAssertEqual(divergence.explanation, "the inputs agree but the parameters do not: the arithmetic differs")
    }

    func testWhatTheDifferingPartsSuggest() throws {
        let base = digest(1, 1, 1, 1)
        let inputs = try XCTUnwrap(StepDivergence(step: 1, base, digest(2, 2, 2, 2)))
        XCTAssertTrue(inputs.explanation.hasPrefix("the inputs of the step differ"), inputs.explanation)
        let trace = try XCTUnwrap(StepDivergence(step: 1, base, digest(1, 1, 2, 1)))
        XCTAssertEqual(trace.explanation, "the inputs and the parameters agree but the trace does not: the arithmetic "
                       + "of the trace update differs")
        XCTAssertEqual(StepDivergence.differingClause(["trace"]), "the trace differs")
        XCTAssertEqual(StepDivergence.differingClause(["inputs"]), "the inputs differ")
        XCTAssertEqual(StepDivergence.differingClause(["inputs", "parameters", "trace"]),
                       "the inputs, parameters and trace differ")
    }
}
