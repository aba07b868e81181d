import Checksums
import Foundation
import HDF5Kit
import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import TGSData
import TGSFiles
import Training

/// Runs a case's recipe and gathers its results: trains (a training case) or reads the
/// model file (a checkpoint case), then evaluates the validation images in every trace
/// mode.
package enum CaseRunner {
    /// How many validation images (the first in id order) give probabilities.
    static let probabilityImageCount = 3

    /// The pixels whose probabilities are recorded, for images of side `size`.
    static func probabilityPixels(size: Int) -> [(row: Int, column: Int)] {
        [(0, 0), (size / 2, size / 2), (size / 3, 2 * size / 3), (size - 1, size - 1)]
    }

    /// The results of the case `golden`, whose file is at `url` (its paths are relative to
    /// it): one run per run of the case, each with the recipe's seed replaced by the run's
    /// (when it has one); a checkpoint case's model file is read with `reading`.
    /// - Throws: ``RegressionError`` when the case cannot be run: its data folder or model
    ///   file is missing or has another fingerprint, its config is not usable; the errors
    ///   of training and evaluation.
    package static func run(_ golden: GoldenCase, at url: URL, kernels: any ConvolutionKernels,
                            reading: HDF5Reading) throws -> [GoldenRun] {
        let data = try CaseInputs.data(golden.recipe.data, of: golden.name, at: url)
        switch golden.recipe.kind {
        case .training:
            guard let config = golden.recipe.config else {
                throw RegressionError.noConfig(case: golden.name)
            }
            let configuration = try CaseInputs.configuration(config, of: golden.name)
            return try golden.runs.map { run in
                var seeded = configuration
                if let seed = run.seed { seeded.training.seed = seed }
                return GoldenRun(seed: run.seed, results: try results(of: try train(seeded, data: data, kernels: kernels),
                                                                      data: data, kernels: kernels, name: golden.name,
                                                                      history: true))
            }
        case .checkpoint:
            let model = try CaseInputs.model(golden.recipe.model, of: golden.name, at: url, reading: reading)
            return [GoldenRun(seed: nil, results: try results(of: model.contents, data: data, kernels: kernels,
                                                              name: golden.name, history: false))]
        }
    }

    /// Trains `configuration` on `data` from the start, in memory.
    package static func train(_ configuration: RunConfiguration, data: DataSet,
                              kernels: any ConvolutionKernels) throws -> ModelFileContents {
        let start = try RunStart.new(configuration, data: data)
        let trainer = try Trainer(configuration: configuration, data: data, split: start.split, kernels: kernels)
        let final = try trainer.train(from: start.state, checkpoints: DiscardedCheckpoints())
        return ModelFileContents(trainer.checkpoint(of: final))
    }

    /// The results of the model `contents` on the validation images of `data`.
    /// - Parameter history: whether the training history is part of the results.
    package static func results(of contents: ModelFileContents, data: DataSet, kernels: any ConvolutionKernels,
                                name: String, history: Bool) throws -> GoldenResults {
        let runs = try Evaluator.evaluateInEveryTraceMode(contents, identity: nil, data: data, threshold: 0.5,
                                                          kernels: kernels, modelName: name)
        var evaluation: [String: GoldenResults.Evaluation] = [:]
        var stored: ModelEvaluation?
        for (mode, run) in runs {
            let sweep = run.report.modelPart?.sweep
            evaluation[mode.rawValue] = GoldenResults.Evaluation(score: run.report.summary.score,
                                                                 bestThreshold: sweep?.bestThreshold ?? .nan,
                                                                 bestScore: sweep?.bestScore ?? .nan)
            if mode == .stored { stored = run }
        }
        let size = contents.configuration.model.size
        let probabilities = (stored?.predictions ?? []).prefix(probabilityImageCount).map { prediction in
            GoldenResults.Probabilities(id: prediction.id, pixels: probabilityPixels(size: size).map { pixel in
                .init(row: pixel.row, column: pixel.column,
                      value: Double(prediction.probabilities.scalars[pixel.row * size + pixel.column]))
            })
        }
        return GoldenResults(
            epochs: history ? contents.history.epochs.map {
                GoldenResults.Epoch(trainLoss: $0.trainLoss, valLoss: $0.validationLoss, valScore: $0.validationScore)
            } : [],
            evaluation: evaluation, precision: stored?.report.summary.precision ?? [],
            tensors: try tensors(of: contents), probabilities: probabilities)
    }

    /// The summary of every tensor of the model, by model path.
    private static func tensors(of contents: ModelFileContents) throws -> [String: GoldenResults.TensorSummary] {
        let schema = try ModelSchema.embedded()
        var tensors: [String: GoldenResults.TensorSummary] = [:]
        for (spec, tensor) in zip(contents.parameters.specs, contents.parameters.tensors) {
            tensors[try schema.place(of: spec.name).path] = summary(of: tensor)
        }
        if let trace = contents.trace {
            tensors["/trace/hebb"] = summary(of: trace.hebb)
            if let sensitivity = trace.etaSensitivity { tensors["/trace/eta_sensitivity"] = summary(of: sensitivity) }
        }
        return tensors
    }

    private static func summary(of tensor: Tensor) -> GoldenResults.TensorSummary {
        var sum = 0.0, squares = 0.0
        for value in tensor.scalars.map(Double.init) {
            sum += value
            squares += value * value
        }
        var hash = SHA256()
        tensor.scalars.map { $0.bitPattern.littleEndian }.withUnsafeBytes { hash.update($0) }
        return GoldenResults.TensorSummary(shape: tensor.shape, sum: sum, l2: squares.squareRoot(),
                                           min: Double(tensor.scalars.min() ?? .nan),
                                           max: Double(tensor.scalars.max() ?? .nan), sha256: hash.finalize().hex)
    }
}

/// A checkpoint writer that keeps nothing: a case's training runs in memory.
private struct DiscardedCheckpoints: CheckpointWriter {
    func write(_ checkpoint: TrainingCheckpoint) throws {}
}
