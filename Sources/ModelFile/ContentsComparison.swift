import Kernels
import Training

extension ModelFileContents {
    /// The objects of a model file in which `other` differs from these contents, by path
    /// (`/plastic/w`, `/optimizer/m/plastic/w`, `/history/train_loss`; an object's
    /// attributes as `/progress (attributes)`), every number compared bit for bit (so that
    /// NaN equals the same NaN and -0 differs from +0); empty when the two would make the
    /// same datasets and attributes.
    /// - Throws: `ModelFileError` when the schema names no place for a parameter.
    package func differingPaths(from other: ModelFileContents) throws -> [String] {
        var paths: [String] = []
        let note = { (differs: Bool, path: String) in if differs { paths.append(path) } }
        note(configuration != other.configuration, "/ (attribute config)")
        let places = try ModelSchema.embedded().places(of: parameters.specs)
        let sameSpecs = parameters.specs == other.parameters.specs
        for (index, place) in places.enumerated() {
            note(!sameSpecs || !Self.sameBits(parameters.tensors[index], other.parameters.tensors[index]), place.path)
        }
        note(trace?.hebb.bits != other.trace?.hebb.bits, ModelFilePaths.traceHebb)
        note(trace?.etaSensitivity?.bits != other.trace?.etaSensitivity?.bits, ModelFilePaths.traceEtaSensitivity)
        note(trace?.samples != other.trace?.samples, ModelFilePaths.traceHebb + " (attributes)")
        var attributes = (optimizer, other.optimizer)
        (attributes.0.firstMoments, attributes.0.secondMoments, attributes.1.firstMoments, attributes.1.secondMoments)
            = ([], [], [], [])
        note(attributes.0 != attributes.1, ModelFilePaths.optimizer + " (attributes)")
        for (mirror, moments) in [(ModelFilePaths.firstMoments, (optimizer.firstMoments, other.optimizer.firstMoments)),
                                  (ModelFilePaths.secondMoments, (optimizer.secondMoments, other.optimizer.secondMoments))] {
            for (index, place) in places.enumerated() {
                note(!sameSpecs || !Self.sameBits(moments.0[index], moments.1[index]), mirror + place.path)
            }
        }
        note(random != other.random, ModelFilePaths.random + " (attributes)")
        note(progress != other.progress, ModelFilePaths.progress + " (attributes)")
        note(history.trainLoss.map(\.bitPattern) != other.history.trainLoss.map(\.bitPattern),
             ModelFilePaths.historyTrainLoss)
        for (path, column) in HistoryRecord.epochColumns {
            note(history.epochs.map { column($0).bitPattern } != other.history.epochs.map { column($0).bitPattern },
                 path)
        }
        note(history.stepDigests != other.history.stepDigests, ModelFilePaths.stepDigests)
        note(dataset != other.dataset, ModelFilePaths.dataset)
        note(originalHistory != other.originalHistory, ModelFilePaths.originalHistory)
        return paths
    }

    /// Whether two tensors have the same shape and the same bits.
    private static func sameBits(_ a: Tensor, _ b: Tensor) -> Bool {
        a.shape == b.shape && a.bits == b.bits
    }
}

extension HistoryRecord {
    /// The columns of `/history/epochs`, by path, in the order the file keeps them.
    static var epochColumns: [(path: String, column: (EpochRecord) -> Double)] {
        [
            (ModelFilePaths.epochTrainLoss, \.trainLoss), (ModelFilePaths.epochValidationLoss, \.validationLoss),
            (ModelFilePaths.epochValidationScore, \.validationScore), (ModelFilePaths.epochLearningRate, \.learningRate),
        ]
    }
}

extension Tensor {
    /// The bit patterns of the scalars.
    fileprivate var bits: [UInt32] { scalars.map(\.bitPattern) }
}
