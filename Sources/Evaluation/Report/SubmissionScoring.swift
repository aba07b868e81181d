import ModelRuns
import Scoring
import TGSData

/// Scores predicted masks against true masks, without a model.
package enum SubmissionScoring {
    /// The report of `prediction` against `truth`.
    /// - Parameters:
    ///   - truth: the true masks, `size * size` pixels each, any order.
    ///   - prediction: the predicted masks, the same ids.
    ///   - size: the side S of the masks.
    ///   - threshold: the threshold the predicted masks were made with, if any, for the
    ///     report.
    ///   - names: how errors name the two sides (the files as given).
    /// - Throws: ``EvaluationError`` when the two sides do not hold the same ids (naming
    ///   the ids missing on each side), a mask is not S x S, or there is no mask.
    package static func score(truth: [IdentifiedMask], prediction: [IdentifiedMask], size: Int, threshold: Double?,
                             names: (truth: String, prediction: String)) throws -> EvaluationReport {
        let predicted = Dictionary(prediction.map { ($0.id, $0.mask) }, uniquingKeysWith: { first, _ in first })
        let trueIDs = Set(truth.map(\.id))
        let missingFromPrediction = truth.map(\.id).filter { predicted[$0] == nil }
        let missingFromTruth = prediction.map(\.id).filter { !trueIDs.contains($0) }
        guard missingFromPrediction.isEmpty && missingFromTruth.isEmpty else {
            throw EvaluationError.differentIDs(missingFromPrediction: missingFromPrediction,
                                               prediction: names.prediction, missingFromTruth: missingFromTruth,
                                               truth: names.truth)
        }
        guard !truth.isEmpty else { throw EvaluationError.noMask(truth: names.truth) }
        for (entry, name) in truth.map({ ($0, names.truth) }) + prediction.map({ ($0, names.prediction) })
        where entry.mask.count != size * size {
            throw EvaluationError.maskSize(file: name, id: entry.id, pixels: entry.mask.count, size: size)
        }
        let images = truth.sorted { IDOrder.precedes($0.id, $1.id) }.map { entry in
            ImageResult(id: entry.id,
                        overlap: MaskOverlap(truth: entry.mask, prediction: (predicted[entry.id] ?? []).map { $0 != 0 }),
                        pixelCount: size * size, loss: nil)
        }
        let part = EvaluationReport.SubmissionPart(size: size, truthFingerprint: MaskSetFingerprint.of(truth),
                                                   predictionFingerprint: MaskSetFingerprint.of(prediction))
        return EvaluationReport(subject: .submission(part), threshold: threshold, images: images)
    }
}
