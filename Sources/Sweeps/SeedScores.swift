import PlasticUNet
import Scoring
import TGSData

/// What one seed of a variant gave in one trace mode: its run's validation scores or, in a
/// sweep with folds, the out-of-fold scores of its K runs pooled over every image (each
/// image scored by the model of the fold that held it out).
package struct SeedScores: Equatable, Sendable {
    /// One image of the seed's validation, and the fold whose run scored it.
    package struct Image: Equatable, Sendable {
        /// The fold that held the image out; nil in a sweep without folds.
        package let fold: Int?
        /// The image's scores.
        package let score: SweepImageScore
    }

    /// The score at 0.5, the best threshold and its score, and the mean loss of the seed's
    /// validation images.
    package let scores: SweepResult.Scores
    /// Its images in id order; nil for a version 1 result, which does not record them.
    package let images: [Image]?

    /// The scores of the finished run `result` in `mode` (nil when it has none), as the run
    /// recorded them.
    package init?(run result: SweepResult, mode: TraceMode) {
        guard let scores = result.scores(mode) else { return nil }
        self.scores = SweepResult.Scores(score: scores.score, bestScore: scores.bestScore,
                                         bestThreshold: scores.bestThreshold, loss: scores.loss)
        images = scores.images.map { $0.map { Image(fold: result.fold, score: $0) } }
    }

    /// The pooled scores of the finished runs `results` of one seed's folds in `mode`: the
    /// TGS score at 0.5 of all their validation images together (the total of IoU
    /// thresholds passed over 10 x the images, exactly), the best mask threshold of that
    /// pooled set and its score, and the mean loss of the images (summed in id order). Nil
    /// when a run lacks the images (a version 1 result) or has no scores in `mode`.
    /// - Throws: ``SweepError/imageInTwoFolds(variant:seed:image:)`` when two of the runs
    ///   validated the same image.
    package init?(folds results: [SweepResult], mode: TraceMode) throws {
        var images: [Image] = []
        for result in results {
            guard let scored = result.scores(mode)?.images else { return nil }
            images += scored.map { Image(fold: result.fold, score: $0) }
        }
        guard let first = results.first, !images.isEmpty else { return nil }
        images.sort { IDOrder.precedes($0.score.id, $1.score.id) }
        if let twice = zip(images, images.dropFirst()).first(where: { $0.score.id == $1.score.id }) {
            throw SweepError.imageInTwoFolds(variant: first.variant, seed: first.seed, image: twice.0.score.id)
        }
        var sweepTotals = [Int](repeating: 0, count: ThresholdSweep.thresholds.count)
        for image in images {
            for (index, passed) in image.score.sweepPassed.prefix(sweepTotals.count).enumerated() {
                sweepTotals[index] += passed
            }
        }
        let sweep = ThresholdSweep(totalPassed: sweepTotals, imageCount: images.count)
        scores = SweepResult.Scores(
            score: TGSMetric.meanScore(totalPassed: images.reduce(0) { $0 + $1.score.passed }, imageCount: images.count),
            bestScore: sweep.bestScore, bestThreshold: sweep.bestThreshold,
            loss: images.reduce(0.0) { $0 + $1.score.loss } / Double(images.count))
        self.images = images
    }

    /// Each image's score at 0.5 by id (the ids are unique: a result lists each image once,
    /// and pooled folds validate disjoint images).
    var imageScores: [String: Double]? {
        images.map { Dictionary($0.map { ($0.score.id, $0.score.score) }, uniquingKeysWith: { first, _ in first }) }
    }
}
