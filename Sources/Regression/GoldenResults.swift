/// The results a case expects (or obtained): the training history, the evaluation in each
/// trace mode, the precision per IoU threshold, a summary of every tensor, and the
/// probabilities of a few fixed pixels.
public struct GoldenResults: Codable, Equatable, Sendable {
    /// One completed epoch.
    public struct Epoch: Codable, Equatable, Sendable {
        /// The mean training loss.
        public var trainLoss: Double
        /// The validation loss.
        public var valLoss: Double
        /// The validation score.
        public var valScore: Double

        /// An epoch from its parts.
        public init(trainLoss: Double, valLoss: Double, valScore: Double) {
            self.trainLoss = trainLoss
            self.valLoss = valLoss
            self.valScore = valScore
        }

        private enum CodingKeys: String, CodingKey {
            case trainLoss = "train_loss", valLoss = "val_loss", valScore = "val_score"
        }
    }

    /// The evaluation of the validation images in one trace mode.
    public struct Evaluation: Codable, Equatable, Sendable {
        /// The TGS score at threshold 0.5.
        public var score: Double
        /// The best of the swept thresholds.
        public var bestThreshold: Double
        /// The score at it.
        public var bestScore: Double

        /// An evaluation from its parts.
        public init(score: Double, bestThreshold: Double, bestScore: Double) {
            self.score = score
            self.bestThreshold = bestThreshold
            self.bestScore = bestScore
        }

        private enum CodingKeys: String, CodingKey {
            case score, bestThreshold = "best_threshold", bestScore = "best_score"
        }
    }

    /// A tensor in a few numbers.
    public struct TensorSummary: Codable, Equatable, Sendable {
        /// The shape.
        public var shape: [Int]
        /// The sum of the elements, in storage order, in double precision.
        public var sum: Double
        /// The Euclidean norm.
        public var l2: Double
        /// The smallest element.
        public var min: Double
        /// The largest element.
        public var max: Double
        /// The SHA-256 of the elements' little-endian float32 bytes, checked by exact cases.
        public var sha256: String

        /// A summary from its parts.
        public init(shape: [Int], sum: Double, l2: Double, min: Double, max: Double, sha256: String) {
            self.shape = shape
            self.sum = sum
            self.l2 = l2
            self.min = min
            self.max = max
            self.sha256 = sha256
        }
    }

    /// The probabilities (stored trace) of a few pixels of one image.
    public struct Probabilities: Codable, Equatable, Sendable {
        /// One pixel.
        public struct Pixel: Codable, Equatable, Sendable {
            /// Its row.
            public var row: Int
            /// Its column.
            public var column: Int
            /// The probability.
            public var value: Double

            /// A pixel from its parts.
            public init(row: Int, column: Int, value: Double) {
                self.row = row
                self.column = column
                self.value = value
            }
        }

        /// The image's id.
        public var id: String
        /// The pixels.
        public var pixels: [Pixel]

        /// The probabilities of `pixels` of image `id`.
        public init(id: String, pixels: [Pixel]) {
            self.id = id
            self.pixels = pixels
        }
    }

    /// Every completed epoch of training (empty for a checkpoint case).
    public var epochs: [Epoch]
    /// The evaluation in each trace mode: `stored`, `zero`, `online`.
    public var evaluation: [String: Evaluation]
    /// The fraction of the images that pass each IoU threshold 0.50...0.95 (stored trace,
    /// threshold 0.5).
    public var precision: [Double]
    /// Every parameter, w, alpha, eta, the trace and its eta sensitivity, by model path.
    public var tensors: [String: TensorSummary]
    /// The probabilities of fixed pixels of the first validation images.
    public var probabilities: [Probabilities]

    /// Results from their parts.
    public init(epochs: [Epoch], evaluation: [String: Evaluation], precision: [Double],
                tensors: [String: TensorSummary], probabilities: [Probabilities]) {
        self.epochs = epochs
        self.evaluation = evaluation
        self.precision = precision
        self.tensors = tensors
        self.probabilities = probabilities
    }
}
