import PlasticUNet
import Scoring

/// The result of scoring predictions against the truth: a model evaluated on data, or a
/// submission's masks scored against true masks. A value, free of paths and times, so that
/// equal inputs give equal reports.
public struct EvaluationReport: Equatable, Sendable {
    /// What a model evaluation adds: the model, the data, the trace mode, and what needs
    /// probabilities (the threshold sweep and the loss).
    public struct ModelPart: Equatable, Sendable {
        /// The model.
        public let model: ModelIdentity
        /// The images.
        public let data: DataIdentity
        /// The trace mode of the predictions.
        public let traceMode: TraceMode
        /// The score at each mask threshold of the sweep.
        public let sweep: ThresholdSweep
        /// The mean binary cross-entropy of the images.
        public let loss: Double

        /// A model part from its parts.
        public init(model: ModelIdentity, data: DataIdentity, traceMode: TraceMode, sweep: ThresholdSweep,
                    loss: Double) {
            self.model = model
            self.data = data
            self.traceMode = traceMode
            self.sweep = sweep
            self.loss = loss
        }
    }

    /// What a submission's score adds: which masks were compared.
    public struct SubmissionPart: Equatable, Sendable {
        /// The side S of the masks.
        public let size: Int
        /// The fingerprint of the true masks (``MaskSetFingerprint``).
        public let truthFingerprint: String
        /// The fingerprint of the predicted masks.
        public let predictionFingerprint: String

        /// A submission part from its parts.
        public init(size: Int, truthFingerprint: String, predictionFingerprint: String) {
            self.size = size
            self.truthFingerprint = truthFingerprint
            self.predictionFingerprint = predictionFingerprint
        }
    }

    /// What was scored.
    public enum Subject: Equatable, Sendable {
        /// A model's predictions on data.
        case model(ModelPart)
        /// A submission's masks.
        case submission(SubmissionPart)
    }

    /// What was scored.
    public let subject: Subject
    /// The mask threshold: a pixel is salt when its probability is above it; nil when the
    /// predictions were masks, taken as they are.
    public let threshold: Double?
    /// Every image's result, in id order.
    public let images: [ImageResult]
    /// The scores of the images.
    public let summary: ScoreSummary

    /// The report of `images` (in id order).
    /// - Precondition: `images` is not empty.
    public init(subject: Subject, threshold: Double?, images: [ImageResult]) {
        self.subject = subject
        self.threshold = threshold
        self.images = images
        self.summary = ScoreSummary(images)
    }

    /// The model part, for a model evaluation.
    public var modelPart: ModelPart? {
        if case .model(let part) = subject { return part }
        return nil
    }
}
