/// The results a case expects (or obtained): the training history, the evaluation in each
/// trace mode, the precision per IoU threshold, a summary of every tensor, and the
/// probabilities of a few fixed pixels.
package struct GoldenResults: Codable, Equatable, Sendable {
    /// One completed epoch.
    package struct Epoch: Codable, Equatable, Sendable {
        /// The mean training loss.
        package var trainLoss: Double
        /// The validation loss.
        package var valLoss: Double
        /// The validation score.
        package var valScore: Double

        /// An epoch from its parts.
        package init(trainLoss: Double, valLoss: Double, valScore: Double) {
            self.trainLoss = trainLoss
            self.valLoss = valLoss
            self.valScore = valScore
        }

        private enum CodingKeys: String, CodingKey {
            case trainLoss = "train_loss", valLoss = "val_loss", valScore = "val_score"
        }
    }

    /// The evaluation of the validation images in one trace mode.
    package struct Evaluation: Codable, Equatable, Sendable {
        /// The TGS score at threshold 0.5.
        package var score: Double
        /// The best of the swept thresholds.
        package var bestThreshold: Double
        /// The score at it.
        package var bestScore: Double

        /// An evaluation from its parts.
        package init(score: Double, bestThreshold: Double, bestScore: Double) {
            self.score = score
            self.bestThreshold = bestThreshold
            self.bestScore = bestScore
        }

        private enum CodingKeys: String, CodingKey {
            case score, bestThreshold = "best_threshold", bestScore = "best_score"
        }
    }

    /// A tensor in a few numbers.
    package struct TensorSummary: Codable, Equatable, Sendable {
        /// The shape.
        package var shape: [Int]
        /// The sum of the elements, in storage order, in double precision.
        package var sum: Double
        /// The Euclidean norm.
        package var l2: Double
        /// The smallest element.
        package var min: Double
        /// The largest element.
        package var max: Double
        /// The SHA-256 of the elements' little-endian float32 bytes, checked by exact cases.
        package var sha256: String

        /// A summary from its parts.
        package init(shape: [Int], sum: Double, l2: Double, min: Double, max: Double, sha256: String) {
            self.shape = shape
            self.sum = sum
            self.l2 = l2
            self.min = min
            self.max = max
            self.sha256 = sha256
        }
    }

    /// The probabilities (stored trace) of a few pixels of one image.
    package struct Probabilities: Codable, Equatable, Sendable {
        /// One pixel.
        package struct Pixel: Codable, Equatable, Sendable {
            /// Its row.
            package var row: Int
            /// Its column.
            package var column: Int
            /// The probability.
            package var value: Double

            /// A pixel from its parts.
            package init(row: Int, column: Int, value: Double) {
                self.row = row
                self.column = column
                self.value = value
            }
        }

        /// The image's id.
        package var id: String
        /// The pixels.
        package var pixels: [Pixel]

        /// The probabilities of `pixels` of image `id`.
        package init(id: String, pixels: [Pixel]) {
            self.id = id
            self.pixels = pixels
        }
    }

    /// Every completed epoch of training (empty for a checkpoint case).
    package var epochs: [Epoch]
    /// The evaluation in each trace mode: `stored`, `zero`, `online`.
    package var evaluation: [String: Evaluation]
    /// The fraction of the images that pass each IoU threshold 0.50...0.95 (stored trace,
    /// threshold 0.5).
    package var precision: [Double]
    /// Every parameter, w, alpha, eta, the trace and its eta sensitivity, by model path.
    package var tensors: [String: TensorSummary]
    /// The probabilities of fixed pixels of the first validation images.
    package var probabilities: [Probabilities]

    /// Results from their parts.
    package init(epochs: [Epoch], evaluation: [String: Evaluation], precision: [Double],
                tensors: [String: TensorSummary], probabilities: [Probabilities]) {
        self.epochs = epochs
        self.evaluation = evaluation
        self.precision = precision
        self.tensors = tensors
        self.probabilities = probabilities
    }

    /// No results: what a run holds before it is run, and what a missing run compares as.
    package static let empty = GoldenResults(epochs: [], evaluation: [:], precision: [], tensors: [:], probabilities: [])
}
