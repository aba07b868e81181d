import ModelFile
import PlasticUNet
import Scoring

/// The result of scoring predictions against the truth: a model evaluated on data, or a
/// submission's masks scored against true masks. A value, free of paths and times, so that
/// equal inputs give equal reports.
package struct EvaluationReport: Equatable, Sendable {
    /// What a model evaluation adds: the model, the data, the trace mode, and what needs
    /// probabilities (the threshold sweep and the loss).
    package struct ModelPart: Equatable, Sendable {
        /// The model's file; nil for a model that has no file (trained in memory).
        package let model: ModelIdentity?
        /// The images.
        package let data: DataIdentity
        /// The trace mode of the predictions.
        package let traceMode: TraceMode
        /// The convolution arithmetic of the predictions, and the one the model records.
        package let convolution: ConvolutionChoice
        /// The score at each mask threshold of the sweep.
        package let sweep: ThresholdSweep
        /// The mean binary cross-entropy of the images.
        package let loss: Double
    }

    /// What a submission's score adds: which masks were compared.
    package struct SubmissionPart: Equatable, Sendable {
        /// The side S of the masks.
        package let size: Int
        /// The fingerprint of the true masks (``MaskSetFingerprint``).
        package let truthFingerprint: String
        /// The fingerprint of the predicted masks.
        package let predictionFingerprint: String

        /// A submission part from its parts.
        package init(size: Int, truthFingerprint: String, predictionFingerprint: String) {
            self.size = size
            self.truthFingerprint = truthFingerprint
            self.predictionFingerprint = predictionFingerprint
        }
    }

    /// What was scored.
    package enum Subject: Equatable, Sendable {
        /// A model's predictions on data.
        case model(ModelPart)
        /// A submission's masks.
        case submission(SubmissionPart)
    }

    /// What was scored.
    package let subject: Subject
    /// The mask threshold: a pixel is salt when its probability is above it; nil when the
    /// predictions were masks, taken as they are.
    package let threshold: Double?
    /// Every image's result, in id order.
    package let images: [ImageResult]
    /// The scores of the images.
    package let summary: ScoreSummary

    /// The report of `images` (in id order).
    /// - Precondition: `images` is not empty.
    package init(subject: Subject, threshold: Double?, images: [ImageResult]) {
        self.subject = subject
        self.threshold = threshold
        self.images = images
        self.summary = ScoreSummary(images)
    }

    /// The model part, for a model evaluation.
    package var modelPart: ModelPart? {
        if case .model(let part) = subject { return part }
        return nil
    }
}
