import Foundation
import HDF5Kit
import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import TGSData
import Training
import XCTest

final class RunStartTests: XCTestCase {
    private let data = SyntheticSeismic(size: 16, seed: 5).dataSet(count: 6)

    private func configuration(seed: UInt64 = 3, epochs: Int = 0) -> RunConfiguration {
        RunConfiguration(model: ModelConfiguration(rule: .oja, alpha: .free, width: 1, size: 16),
                         training: TrainingOptions(seed: seed, epochs: epochs))
    }

    /// `contents` written as a model file and read back once.
    private func stored(_ contents: ModelFileContents, named name: String) throws -> StoredModel {
        let url = try makeTemporaryFolder().appendingPathComponent(name)
        try ModelFileWriter.write(contents, to: url, threads: 1)
        return try ModelFileReader.read(url, using: .direct, threads: 1)
    }

    private func makeTemporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("run-start-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A checkpoint of `configuration` on the test data after `epochs` completed epochs of
    /// no steps (the state of a new model, the progress and split of a run).
    private func checkpoint(_ configuration: RunConfiguration, epochs: Int) -> ModelFileContents {
        var state = TrainingState.start(of: configuration)
        state.epoch = epochs
        return ModelFileContents(TrainingCheckpoint(configuration: configuration, state: state,
                                                    dataFingerprint: data.fingerprint, dataSize: data.size,
                                                    split: configuration.split(of: data)))
    }

    func testANewRunStartsFromTheSeedsParametersAndTheConfigurationsSplit() throws {
        let configuration = configuration(epochs: 2)
        let start = try RunStart.new(configuration, data: data)
        XCTAssertEqual(start.configuration, configuration)
        XCTAssertEqual(start.split, DataSplit.stratified(data, validationFraction: 0.2, seed: 3))
        XCTAssertEqual(start.state.parameters, ParameterSet.initialised(for: configuration.model, seed: 3))
        XCTAssertEqual(start.state.epoch, 0)
        XCTAssertEqual(start.state.optimizer.step, 0)
    }

    func testTheBaseIsTheDefaultsTheRecipeOrTheInitialModelsArchitectureSeedAndDigest() throws {
        XCTAssertEqual(try RunStart.base(recipe: nil, initial: nil, size: 16),
                       RunConfiguration(model: ModelConfiguration(size: 16), training: TrainingOptions()))
        let recipe = try stored(checkpoint(configuration(seed: 9, epochs: 7), epochs: 1), named: "recipe.h5")
        XCTAssertEqual(try RunStart.base(recipe: recipe, initial: nil, size: 101), configuration(seed: 9, epochs: 7))

        var other = configuration(seed: 11)
        other.model = ModelConfiguration(rule: .hebb, alpha: .yoked, width: 2, size: 16)
        let initial = try stored(.untrained(configuration: other), named: "initial.h5")
        let fromInitial = try RunStart.base(recipe: nil, initial: initial, size: 16)
        XCTAssertEqual(fromInitial.model, other.model)
        XCTAssertEqual(fromInitial.training.seed, 11, "the initial model's seed, without a recipe")
        XCTAssertEqual(fromInitial.training.initialModelSHA256, initial.identity.sha256)
        let both = try RunStart.base(recipe: recipe, initial: initial, size: 16)
        XCTAssertEqual(both.model, other.model)
        XCTAssertEqual(both.training.seed, 9, "the recipe's seed")
        XCTAssertEqual(both.training.epochs, 7)

        let start = try RunStart.new(fromInitial, data: data, initial: initial)
        XCTAssertEqual(start.state.parameters, initial.contents.parameters)
    }

    /// The convolution arithmetic is the run's, not the parameters': a recipe's is kept over
    /// the initial model's, which serves only without a recipe; a resumed run keeps its own.
    func testTheConvolutionIsTheRecipesElseTheInitialModels() throws {
        var winograd = configuration(seed: 9)
        winograd.model.convolution = .winograd
        let direct = try stored(.untrained(configuration: configuration(seed: 11)), named: "direct.h5")
        let initial = try stored(.untrained(configuration: winograd), named: "winograd.h5")
        XCTAssertEqual(try RunStart.base(recipe: nil, initial: initial, size: 16).model.convolution, .winograd)
        XCTAssertEqual(try RunStart.base(recipe: direct, initial: initial, size: 16).model.convolution, .direct)
        let recipe = try stored(.untrained(configuration: winograd), named: "recipe.h5")
        XCTAssertEqual(try RunStart.base(recipe: recipe, initial: direct, size: 16).model.convolution, .winograd)
        XCTAssertEqual(try RunStart.base(recipe: recipe, initial: nil, size: 16).model.convolution, .winograd)
        var run = winograd
        run.training.epochs = 2
        let checkpoint = try stored(checkpoint(run, epochs: 1), named: "run.h5")
        XCTAssertEqual(try RunStart.resuming(checkpoint, data: data).configuration.model.convolution, .winograd)
    }

    func testARecipeThatStartedFromAModelFileNeedsThatFile() throws {
        var recorded = configuration()
        recorded.training.initialModelSHA256 = String(repeating: "0", count: 64)
        XCTAssertThrowsError(try RunStart.new(recorded, data: data)) { error in
            XCTAssertEqual("\(error)", "the run started from a model file with sha256 \(String(repeating: "0", count: 64)): "
                           + "give it with --init")
        }
        let recipe = try stored(.untrained(configuration: recorded), named: "recipe.h5")
        var initial = try stored(.untrained(configuration: configuration()), named: "initial.h5")
        initial.name = "start.h5"
        XCTAssertThrowsError(try RunStart.base(recipe: recipe, initial: initial, size: 16)) { error in
            XCTAssertEqual("\(error)", "start.h5 is not the model file the run started from (its sha256 is "
                           + "\(initial.identity.sha256), the config records \(String(repeating: "0", count: 64)))")
        }
    }

    func testAResumedRunContinuesTheCheckpointsSplitAndState() throws {
        let configuration = configuration(epochs: 2)
        let model = try stored(checkpoint(configuration, epochs: 1), named: "run.h5")
        let start = try RunStart.resuming(model, data: data)
        XCTAssertEqual(start.configuration, configuration)
        XCTAssertEqual(start.split, model.contents.dataset?.split)
        XCTAssertEqual(start.state, model.contents.trainingState)
        XCTAssertEqual(try RunStart.resuming(model, epochs: 5, data: data).configuration.training.epochs, 5)
    }

    func testAResumeIsRefusedByNameWhenItCannotContinue() throws {
        var model = try stored(checkpoint(configuration(epochs: 3), epochs: 2), named: "run.h5")
        model.name = "run.h5"
        XCTAssertThrowsError(try RunStart.resuming(model, epochs: 1, data: data)) { error in
            XCTAssertEqual("\(error)", "--epochs 1 is less than the 2 epochs run.h5 has completed")
        }
        let other = SyntheticSeismic(size: 16, seed: 6).dataSet(count: 6)
        XCTAssertThrowsError(try RunStart.resuming(model, data: other)) { error in
            XCTAssertEqual("\(error)", "the data is not the data run.h5 was trained on (fingerprint "
                           + "\(other.fingerprint), the file records \(data.fingerprint))")
        }
        var untrained = try stored(.untrained(configuration: configuration()), named: "new.h5")
        untrained.name = "new.h5"
        XCTAssertThrowsError(try RunStart.resuming(untrained, data: data)) { error in
            XCTAssertEqual("\(error)", "new.h5 holds an untrained model: start from it with --init")
        }
    }

    func testANewRunIsRefusedForDataOfAnotherSizeOrParametersThatAreNotFinite() throws {
        let larger = SyntheticSeismic(size: 20, seed: 5).dataSet(count: 4)
        XCTAssertThrowsError(try RunStart.new(configuration(), data: larger)) { error in
            XCTAssertEqual("\(error)", "the data's images are 20 x 20 but the model takes 16 x 16")
        }
        var contents = ModelFileContents.untrained(configuration: configuration())
        var w = contents.parameters[.head(.w)] ?? Tensor(shape: [16, 16])
        w.scalars[3] = .infinity
        contents.parameters.set(.head(.w), to: w)
        var initial = try stored(contents, named: "bad.h5")
        initial.name = "bad.h5"
        XCTAssertThrowsError(try RunStart.new(configuration(), data: data, initial: initial)) { error in
            XCTAssertEqual("\(error)", "cannot train from bad.h5: /plastic/w holds a NaN or an infinity")
        }
    }
}
