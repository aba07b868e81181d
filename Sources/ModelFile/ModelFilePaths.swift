/// The names the writer and the reader use, as `schemas/model-v1.json` lists them.
enum ModelFilePaths {
    static let traceHebb = "/trace/hebb"
    static let traceEtaSensitivity = "/trace/eta_sensitivity"
    static let optimizer = "/optimizer"
    static let firstMoments = "/optimizer/m"
    static let secondMoments = "/optimizer/v"
    static let random = "/rng"
    static let progress = "/progress"
    static let historyTrainLoss = "/history/train_loss"
    static let epochTrainLoss = "/history/epochs/train_loss"
    static let epochValidationLoss = "/history/epochs/val_loss"
    static let epochValidationScore = "/history/epochs/val_score"
    static let epochLearningRate = "/history/epochs/lr"
    static let stepDigests = "/history/step_digests"
    static let originalHistory = "/history/original"
    static let originalTrainLoss = "/history/original/train_loss"
    static let originalValidation = "/history/original/validation"
    static let dataset = "/dataset"
    static let trainIDs = "/dataset/train_ids"
    static let validationIDs = "/dataset/val_ids"

    /// The attributes of `/rng` that are not stream counters.
    static let randomFixedAttributes: Set<String> = ["algorithm", "seed"]
}
