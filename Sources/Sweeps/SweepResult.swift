import Foundation
import PlasticUNet

/// What one run of a sweep gave, as `result.json` in its folder
/// (`schemas/sweep-result-v2.schema.json`): the final model's validation scores in each
/// trace mode with every validation image's, or why the run failed. Its presence marks the
/// run as done. Version 1 results (without the images and the fold) are still read.
package struct SweepResult: SweepFile, Equatable, Sendable {
    /// The name of the result file in a run's folder.
    package static let fileName = "result.json"
    /// The value of `format`.
    package static let format = "plastic-unet-sweep-result"
    /// The value of `format_version` written.
    package static let formatVersion = 2
    static let readableVersions = 1...2
    static let kind = "sweep result"

    /// How the run ended.
    package enum Status: String, Codable, Sendable {
        /// Trained and evaluated.
        case finished
        /// Training stopped on an error (a loss that is not finite, say).
        case failed
    }

    /// The evaluation of the final model on its validation images in one trace mode.
    package struct Scores: Codable, Equatable, Sendable {
        /// The TGS score at threshold 0.5.
        package let score: Double
        /// The best score of the threshold sweep.
        package let bestScore: Double
        /// The threshold that gives it.
        package let bestThreshold: Double
        /// The mean binary cross-entropy.
        package let loss: Double
        /// Every validation image's score, in id order (nil in version 1 results).
        package let images: [SweepImageScore]?

        /// Scores from their parts.
        package init(score: Double, bestScore: Double, bestThreshold: Double, loss: Double,
                    images: [SweepImageScore]? = nil) {
            self.score = score
            self.bestScore = bestScore
            self.bestThreshold = bestThreshold
            self.loss = loss
            self.images = images
        }

        private enum CodingKeys: String, CodingKey {
            case score, loss, images
            case bestScore = "best_score"
            case bestThreshold = "best_threshold"
        }
    }

    /// `plastic-unet-sweep-result`.
    package let format: String
    /// 2 (1 for results written before version 2).
    package let formatVersion: Int
    /// The run's index.
    package let index: Int
    /// The variant's name.
    package let variant: String
    /// The seed.
    package let seed: UInt64
    /// The fold held out for validation, 1...K, in a sweep with folds.
    package let fold: Int?
    /// The sha256 of the run's config (``SweepPlan/Run/configSHA256``).
    package let configSHA256: String
    /// How the run ended.
    package let status: Status
    /// Why it failed (failed runs only).
    package let error: String?
    /// The sha256 of the final model file (finished runs only).
    package let modelSHA256: String?
    /// The number of validation images (finished runs only).
    package let validationImages: Int?
    /// The scores by trace mode, `stored`, `zero` and `online` (finished runs only).
    package let evaluation: [String: Scores]?

    private enum CodingKeys: String, CodingKey {
        case format, index, variant, seed, fold, status, error, evaluation
        case formatVersion = "format_version"
        case modelSHA256 = "model_sha256"
        case configSHA256 = "config_sha256"
        case validationImages = "validation_images"
    }

    /// The result of a finished run.
    package init(finished run: SweepPlan.Run, modelSHA256: String, validationImages: Int,
                evaluation: [TraceMode: Scores]) {
        self.init(run: run, status: .finished, error: nil, modelSHA256: modelSHA256,
                  validationImages: validationImages,
                  evaluation: Dictionary(uniqueKeysWithValues: evaluation.map { ($0.key.rawValue, $0.value) }))
    }

    /// The result of a run that failed for `reason`.
    package init(failed run: SweepPlan.Run, reason: String) {
        self.init(run: run, status: .failed, error: reason, modelSHA256: nil, validationImages: nil, evaluation: nil)
    }

    private init(run: SweepPlan.Run, status: Status, error: String?, modelSHA256: String?, validationImages: Int?,
                 evaluation: [String: Scores]?) {
        format = Self.format
        formatVersion = Self.formatVersion
        index = run.index
        variant = run.variant
        seed = run.seed
        fold = run.fold
        configSHA256 = run.configSHA256
        self.status = status
        self.error = error
        self.modelSHA256 = modelSHA256
        self.validationImages = validationImages
        self.evaluation = evaluation
    }

    /// The scores in trace mode `mode`, when the run finished.
    package func scores(_ mode: TraceMode) -> Scores? {
        evaluation?[mode.rawValue]
    }

    /// Writes the result to `url` atomically.
    /// - Throws: `FileWriteError` naming the file.
    package func write(to url: URL) throws {
        try writeJSON(to: url)
    }

    /// The result of `run` in the sweep whose folder is `sweep`, or nil when there is none.
    /// - Throws: ``SweepError`` naming the file when it is not a result of this format, or
    ///   belongs to another run than `run` (of this plan or another).
    package static func read(of run: SweepPlan.Run, in sweep: URL) throws -> SweepResult? {
        let url = run.resultURL(in: sweep)
        guard let result = try readJSON(url) else { return nil }
        guard result.runName == run.name else {
            throw SweepError.resultOfOtherRun(file: url.path, found: result.runName, expected: run.name)
        }
        guard result.configSHA256 == run.configSHA256 else {
            throw SweepError.resultOfOtherConfig(file: url.path)
        }
        if let problem = result.imagesProblem {
            throw SweepError.unreadable(file: url.path, kind: kind, reason: problem)
        }
        return result
    }

    /// What is wrong with the images of a trace mode, or nil: an image's numbers, or an id
    /// twice.
    private var imagesProblem: String? {
        for mode in TraceMode.allCases {
            guard let images = scores(mode)?.images else { continue }
            if let problem = images.lazy.compactMap(\.problem).first { return "\(mode.rawValue): \(problem)" }
            if Set(images.map(\.id)).count != images.count { return "\(mode.rawValue): an image is listed twice" }
        }
        return nil
    }
}
