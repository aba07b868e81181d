import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import TGSData
import Training

/// A small plastic model (width 2, 16 x 16) and synthetic data for the evaluation tests,
/// fast in debug builds.
enum EvaluationFixture {
    /// A model and what identifies its (imagined) file.
    struct Model {
        var contents: ModelFileContents
        let identity: ModelIdentity
    }

    /// Five synthetic 16 x 16 images.
    static let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 5)

    /// An untrained Hebbian model whose stored trace is not zero and whose alpha is large
    /// enough for the trace to matter; with `trained`, it records `data` and a split of it
    /// (validation: the first two images) and a short history.
    static func model(trained: Bool = true) -> Model {
        let configuration = RunConfiguration(model: ModelConfiguration(rule: .hebb, alpha: .free, width: 2, size: 16),
                                             training: TrainingOptions(seed: 1, epochs: 0))
        var contents = ModelFileContents.untrained(configuration: configuration)
        let side = 16
        contents.trace = PlasticTrace(hebb: Tensor(shape: [side, side], scalars: (0..<(side * side)).map {
            Float(($0 * 31) % 17 - 8) / 4
        }), etaSensitivity: nil, samples: 3)
        contents.parameters.set(.head(.alpha), to: Tensor(shape: [side, side], repeating: 0.5))
        if trained {
            let ids = data.samples.map(\.id)
            contents.dataset = DatasetRecord(fingerprint: data.fingerprint, size: side, trainIDs: Array(ids.dropFirst(2)),
                                             validationIDs: Array(ids.prefix(2)))
            contents.history = HistoryRecord(trainLoss: [0.7, 0.69, 0.65, 0.66, 0.6, 0.62],
                                             epochs: [EpochRecord(trainLoss: 0.68, validationLoss: 0.66, validationScore: 0.5,
                                                                  learningRate: 3e-4),
                                                      EpochRecord(trainLoss: 0.63, validationLoss: 0.61, validationScore: 0.6,
                                                                  learningRate: 3e-4)])
        }
        let identity = ModelIdentity(contents: contents, sha256: String(repeating: "ab", count: 32), formatVersion: 1,
                                     generator: "plastic-unet 0.0.0")
        return Model(contents: contents, identity: identity)
    }

    /// Evaluates `model` on `data` with `kernels`.
    static func evaluate(_ model: Model = model(), split: EvaluationSplit = .all, traceMode: TraceMode = .stored,
                         threshold: Double = 0.5, threads: Int = 1) throws -> ModelEvaluation {
        try Evaluator.evaluate(model.contents, identity: model.identity, data: data, split: split, traceMode: traceMode, threshold: threshold,
                               kernels: FastKernels(threadCount: threads), modelName: "m.h5")
    }
}
