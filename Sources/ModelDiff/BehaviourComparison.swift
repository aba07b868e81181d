import Kernels
import ModelFile
import ModelRuns
import PlasticUNet
import Reports
import Scoring
import TGSData

/// Two models' predictions on the same images: their scores, how far their probabilities
/// and masks differ, and the images whose IoU changed most.
package struct BehaviourComparison: Equatable, Sendable {
    /// One image whose predicted mask differs between the models.
    package struct Image: Equatable, Sendable {
        /// The image's id.
        package let id: String
        /// The IoU of the first model's mask with the truth (1 when both are empty).
        package let iouA: Double
        /// The IoU of the second model's mask with the truth.
        package let iouB: Double
        /// The first model's score of the image (the fraction of IoU thresholds passed).
        package let scoreA: Double
        /// The second model's score of the image.
        package let scoreB: Double
    }

    /// The most images ``worst`` lists.
    package static let worstCount = 5

    /// The split evaluated.
    package let split: EvaluationSplit
    /// The trace mode of both models' predictions.
    package let traceMode: TraceMode
    /// The mask threshold.
    package let threshold: Double
    /// The number of images evaluated.
    package let imageCount: Int
    /// The first model's TGS score.
    package let scoreA: Double
    /// The second model's TGS score.
    package let scoreB: Double
    /// The largest `|p_B - p_A|` over every pixel of every image.
    package let largestProbabilityDifference: Double
    /// The number of images whose predicted masks differ.
    package let differingMasks: Int
    /// The images whose masks differ with the largest IoU changes (at most
    /// ``worstCount``), largest first.
    package let worst: [Image]

    /// `score A -> B (+d)` with four decimals.
    package var scoreChangeText: String {
        let change = FixedDecimal.text(scoreB - scoreA, digits: 4)
        return "score \(FixedDecimal.text(scoreA, digits: 4)) -> \(FixedDecimal.text(scoreB, digits: 4)) "
            + "(\(change.hasPrefix("-") ? "" : "+")\(change))"
    }

    /// Evaluates both models on the images of `split` of `data` (each named by its
    /// ``ModelFile/StoredModel/name``).
    /// - Throws: ``DiffError`` when the models record different ids for the split; the
    ///   errors of the evaluator (models that take other images than the data's among them).
    package static func compare(_ a: StoredModel, _ b: StoredModel, data: DataSet, split: EvaluationSplit,
                                traceMode: TraceMode, threshold: Double,
                                kernels: any ConvolutionKernels) throws -> BehaviourComparison {
        let idsA = try split.ids(of: a.contents, in: data, modelName: a.name)
        let idsB = try split.ids(of: b.contents, in: data, modelName: b.name)
        guard idsA == idsB else {
            throw DiffError.differentSplits(first: a.name, second: b.name, split: split)
        }
        let first = try Evaluator.evaluate(a, data: data, split: split, traceMode: traceMode, threshold: threshold,
                                           kernels: kernels)
        let second = try Evaluator.evaluate(b, data: data, split: split, traceMode: traceMode, threshold: threshold,
                                            kernels: kernels)
        var largest = 0.0
        for (p, q) in zip(first.predictions, second.predictions) {
            for (x, y) in zip(p.probabilities.scalars, q.probabilities.scalars) {
                largest = max(largest, (Double(x) - Double(y)).magnitude)
            }
        }
        let changed = zip(first.predictions, second.predictions).enumerated().filter { _, pair in
            ProbabilityThreshold.mask(pair.0.probabilities.scalars, threshold: threshold)
                != ProbabilityThreshold.mask(pair.1.probabilities.scalars, threshold: threshold)
        }.map(\.offset)
        let images = changed.map { index in
            let (x, y) = (first.report.images[index], second.report.images[index])
            return Image(id: x.id, iouA: x.overlap.intersectionOverUnion, iouB: y.overlap.intersectionOverUnion,
                         scoreA: x.score, scoreB: y.score)
        }
        let worst = images.sorted {
            let (left, right) = (($0.iouB - $0.iouA).magnitude, ($1.iouB - $1.iouA).magnitude)
            return left != right ? left > right : IDOrder.precedes($0.id, $1.id)
        }
        return BehaviourComparison(split: split, traceMode: traceMode, threshold: threshold,
                                   imageCount: idsA.count, scoreA: first.report.summary.score,
                                   scoreB: second.report.summary.score, largestProbabilityDifference: largest,
                                   differingMasks: changed.count, worst: Array(worst.prefix(worstCount)))
    }
}

extension MaskOverlap {
    /// `|T ∩ P| / |T ∪ P|`, 1 when both masks are empty.
    var intersectionOverUnion: Double {
        union > 0 ? Double(intersection) / Double(union) : 1
    }
}
