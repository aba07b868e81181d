import ModelFile
import ModelRuns
import Reports
import Scoring
import TGSData

/// The pictures of a model evaluation, as self-contained SVG files.
package enum EvaluationPlots {
    /// The most images on the overlay sheet.
    package static let overlayLimit = 16

    /// The files: `threshold-sweep.svg` (score against mask threshold), `coverage.svg`
    /// (score by coverage class), `overlays.svg` (up to ``overlayLimit`` images spread over
    /// the coverage classes, with the true and predicted outlines) and, when the model has a
    /// training history, `training.svg`.
    /// - Parameters:
    ///   - evaluation: the evaluation (a model report and its probabilities).
    ///   - model: the model's contents, for its history.
    ///   - data: the images evaluated.
    /// - Returns: `(file name, SVG text)` pairs.
    /// - Throws: ``ImageFiles/ImageFileError`` when an image cannot be encoded.
    package static func files(of evaluation: ModelEvaluation, model: ModelFileContents,
                             data: DataSet) throws -> [(name: String, text: String)] {
        let report = evaluation.report
        guard let part = report.modelPart, let threshold = report.threshold else { return [] }
        var files = [(name: "threshold-sweep.svg", text: ThresholdPlot.svg(part.sweep, threshold: threshold)),
                     (name: "coverage.svg", text: CoveragePlot.svg(report.summary))]
        let probabilities = Dictionary(evaluation.predictions.map { ($0.id, $0.probabilities.scalars) },
                                       uniquingKeysWith: { first, _ in first })
        let tiles = OverlaySelection.choose(report.images, limit: overlayLimit).compactMap { result -> OverlayTile? in
            guard let sample = data.sample(id: result.id), let map = probabilities[result.id] else { return nil }
            return OverlayTile(result: result, image: sample.image, truth: sample.mask,
                               prediction: ProbabilityThreshold.mask(map, threshold: threshold))
        }
        files.append((name: "overlays.svg", text: try OverlaySheet.svg(tiles, size: data.size, threshold: threshold)))
        if let training = TrainingCurvesPlot.svg(model.history, stepsPerEpoch: model.dataset?.trainIDs.count ?? 0) {
            files.append((name: "training.svg", text: training))
        }
        return files
    }
}
