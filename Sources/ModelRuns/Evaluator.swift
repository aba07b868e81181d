import Kernels
import ModelFile
import PlasticUNet
import Scoring
import TGSData

/// A model's predictions on data and the report they make.
package struct ModelEvaluation: Sendable {
    /// The report.
    package let report: EvaluationReport
    /// The probabilities of every image evaluated, in id order.
    package let predictions: [(id: String, probabilities: Tensor)]

    /// An evaluation from its parts.
    package init(report: EvaluationReport, predictions: [(id: String, probabilities: Tensor)]) {
        self.report = report
        self.predictions = predictions
    }
}

/// Evaluates models: the pure functions from a model, images, masks, a split, a trace mode
/// and a threshold to probabilities and reports. Commands only read and write files around
/// them.
package enum Evaluator {
    /// The probabilities of `images` under `model`, the images taken in id order.
    /// - Parameters:
    ///   - model: the model's contents.
    ///   - images: `(id, S*S intensities)`, in any order.
    ///   - traceMode: how the trace behaves (``Predictor``).
    ///   - kernels: the convolution kernels (the result does not depend on the choice).
    ///   - modelName: how errors name the model.
    /// - Returns: `(id, probabilities [S, S])` in id order.
    /// - Throws: ``ModelRunError`` when a parameter is not finite, an image is not S x S,
    ///   or a probability comes out NaN.
    package static func predict(_ model: ModelFileContents, images: [(id: String, image: [Float])], traceMode: TraceMode,
                               kernels: any ConvolutionKernels, modelName: String) throws -> [(id: String, probabilities: Tensor)] {
        let size = model.configuration.model.size
        if let wrong = images.first(where: { $0.image.count != size * size }) {
            throw ModelRunError.imageSize(id: wrong.id, pixels: wrong.image.count, model: modelName, size: size)
        }
        let byID = Dictionary(images.map { ($0.id, $0.image) }, uniquingKeysWith: { first, _ in first })
        var predictions: [(id: String, probabilities: Tensor)] = []
        try predictEach(model, ids: images.map(\.id), traceMode: traceMode, kernels: kernels, modelName: modelName,
                        image: { byID[$0] ?? [] }) { predictions.append((id: $0, probabilities: $1)) }
        return predictions
    }

    /// Predicts the images `ids` in id order (``IDOrder``), a few at a time (the stream's
    /// ``PredictionStream/batchSize``), reading each with `image` just before its batch's
    /// prediction and handing its probabilities to `body` right after:
    /// ``predict(_:images:traceMode:kernels:modelName:)`` without holding every image, for
    /// folders of any size.
    /// - Parameters:
    ///   - ids: the images, in any order.
    ///   - image: the `S*S` intensities of an image.
    ///   - body: receives each image's id and its probabilities `[S, S]`.
    /// - Throws: ``ModelRunError`` when a parameter is not finite or a probability comes out
    ///   NaN, and what `image` and `body` throw.
    package static func predictEach(_ model: ModelFileContents, ids: [String], traceMode: TraceMode,
                                   kernels: any ConvolutionKernels, modelName: String,
                                   image: (String) throws -> [Float], body: (String, Tensor) throws -> Void) throws {
        if let name = model.parameters.firstNonFiniteName {
            throw ModelRunError.nonFinite(model: modelName, path: name.modelFilePath, purpose: .evaluation)
        }
        let predictor = Predictor(network: PlasticNetwork(configuration: model.configuration.model, kernels: kernels),
                                  parameters: model.parameters, storedTrace: model.trace)
        var stream = predictor.stream(traceMode: traceMode)
        try stream.predict(ids.sorted(by: IDOrder.precedes), image: image) { id, probabilities in
            if probabilities.scalars.contains(where: \.isNaN) {
                throw ModelRunError.nanProbability(model: modelName, id: id)
            }
            try body(id, probabilities)
        }
    }

    /// Evaluates the model `contents` on the images of `split` of `data`.
    /// - Parameters:
    ///   - contents: the model.
    ///   - identity: what identifies the model's file in the report; nil for a model that
    ///     has no file (trained in memory).
    ///   - data: the images and their masks.
    ///   - split: which images (``EvaluationSplit/ids(of:in:modelName:)``).
    ///   - traceMode: how the trace behaves.
    ///   - threshold: the mask threshold of the score, breakdowns and per-image results.
    ///   - kernels: the convolution kernels (the result does not depend on the choice).
    ///   - modelName: how errors name the model.
    /// - Throws: ``ModelRunError`` naming the problem.
    package static func evaluate(_ contents: ModelFileContents, identity: ModelIdentity?, data: DataSet,
                                 split: EvaluationSplit, traceMode: TraceMode, threshold: Double,
                                 kernels: any ConvolutionKernels, modelName: String) throws -> ModelEvaluation {
        let ids = try split.ids(of: contents, in: data, modelName: modelName)
        let samples = ids.compactMap(data.sample(id:))
        let predictions = try predict(contents, images: samples.map { ($0.id, $0.image) }, traceMode: traceMode,
                                      kernels: kernels, modelName: modelName)
        let dataIdentity = DataIdentity(fingerprint: data.fingerprint, size: data.size, split: split,
                                        imageCount: samples.count)
        let used = contents.configuration.model.convolution
        let convolution = ConvolutionChoice(recorded: identity?.configuration.model.convolution ?? used, override: used)
        let report = self.report(model: identity, data: dataIdentity, traceMode: traceMode, threshold: threshold,
                                 convolution: convolution,
                                 predictions: zip(samples, predictions).map { (probabilities: $1.probabilities.scalars,
                                                                               truth: $0.mask, id: $0.id) })
        return ModelEvaluation(report: report, predictions: predictions)
    }

    /// Evaluates the stored model `model`, as ``evaluate(_:identity:data:split:traceMode:threshold:kernels:modelName:)``
    /// with its file's identity, named by its file.
    /// - Parameter convolution: the arithmetic to compute with in place of the one the file
    ///   records; nil for the recorded one.
    package static func evaluate(_ model: StoredModel, data: DataSet, split: EvaluationSplit, traceMode: TraceMode,
                                 threshold: Double, kernels: any ConvolutionKernels,
                                 convolution: ConvolutionArithmetic? = nil) throws -> ModelEvaluation {
        try evaluate(ConvolutionChoice(for: model, override: convolution).applied(to: model.contents),
                     identity: model.identity, data: data, split: split, traceMode: traceMode,
                     threshold: threshold, kernels: kernels, modelName: model.name)
    }

    /// The report of probabilities against the truth.
    /// - Parameters:
    ///   - convolution: the arithmetic of the predictions, and the one the model records.
    ///   - predictions: per image, in id order: its probabilities and true mask (of equal
    ///     sizes) and its id.
    /// - Precondition: `predictions` is not empty.
    /// - Complexity: O(pixels).
    package static func report(model: ModelIdentity?, data: DataIdentity, traceMode: TraceMode, threshold: Double,
                              convolution: ConvolutionChoice = ConvolutionChoice(recorded: .direct),
                              predictions: [(probabilities: [Float], truth: [UInt8], id: String)]) -> EvaluationReport {
        var sweepTotals = [Int](repeating: 0, count: ThresholdSweep.thresholds.count)
        var lossSum = 0.0
        let images = predictions.map { item in
            let sweepPassed = ThresholdSweep.passedThresholds(probabilities: item.probabilities, truth: item.truth)
            for (index, passed) in sweepPassed.enumerated() {
                sweepTotals[index] += passed
            }
            let loss = BinaryCrossEntropy.loss(Tensor(shape: [item.probabilities.count], scalars: item.probabilities),
                                               mask: item.truth)
            lossSum += loss
            let overlap = MaskOverlap(truth: item.truth,
                                      prediction: ProbabilityThreshold.mask(item.probabilities, threshold: threshold))
            return ImageResult(id: item.id, overlap: overlap, pixelCount: item.truth.count, loss: loss,
                               sweepPassed: sweepPassed)
        }
        let part = EvaluationReport.ModelPart(model: model, data: data, traceMode: traceMode, convolution: convolution,
                                              sweep: ThresholdSweep(totalPassed: sweepTotals, imageCount: images.count),
                                              loss: lossSum / Double(images.count))
        return EvaluationReport(subject: .model(part), threshold: threshold, images: images)
    }
}
