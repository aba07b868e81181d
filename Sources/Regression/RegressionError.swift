/// A case that cannot be checked (a missing or changed data folder or model file, an
/// unreadable case), on one line naming the case and the file.
package enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The case file cannot be opened.
    case unopenable(file: String)
    /// The file is not JSON of a golden case; `reason` says where it departs.
    case notAGoldenCase(file: String, reason: String)
    /// The file is a golden case of another format or version.
    case otherFormat(file: String, format: String, version: Int)
    /// Nothing exists at a path given.
    case noSuchPath(String)
    /// A folder given holds no case file.
    case noCases(folder: String)
    /// A training case without `recipe.config`.
    case noConfig(case: String)
    /// A checkpoint case without `recipe.model`.
    case noModel(case: String)
    /// The case's data folder cannot be loaded.
    case unloadableData(case: String, folder: String, reason: String)
    /// The case's data folder holds data of another fingerprint than the case records.
    case otherData(case: String, folder: String, fingerprint: String, recorded: String)
    /// The case's `recipe.config` is not a usable configuration.
    case unusableConfig(case: String, reason: String)
    /// The case's `recipe.config` starts from a model file; a training case trains from
    /// scratch.
    case configStartsFromModel(case: String)
    /// The case's model file has another SHA-256 than the case records.
    case changedModel(case: String, file: String, sha256: String, recorded: String)
    /// The case's model file cannot be read.
    case unreadableModel(case: String, reason: String)
    /// A pending obtained file has no case file beside it any more.
    case noCaseForPending(file: String)
    /// A pending obtained file records another case (name, recipe or exactness) than the
    /// case file beside it.
    case pendingOfAnotherCase(case: String, file: String)

    /// The one-line description.
    package var description: String {
        switch self {
        case .unopenable(let file):
            "cannot read \(file): the file cannot be opened"
        case .notAGoldenCase(let file, let reason):
            "\(file): not a golden case (\(reason))"
        case .otherFormat(let file, let format, let version):
            "\(file): format \(format) version \(version) is not \(GoldenCase.formatName) version "
                + GoldenCase.versions.map(String.init).joined(separator: " or ")
        case .noSuchPath(let path):
            "\(path): no such file or folder"
        case .noCases(let folder):
            "\(folder): no golden case (*.json) in the folder"
        case .noConfig(let name):
            "\(name): a training case needs recipe.config"
        case .noModel(let name):
            "\(name): a checkpoint case needs recipe.model"
        case .unloadableData(let name, let folder, let reason):
            "\(name): cannot load the data folder \(folder): \(reason)"
        case .otherData(let name, let folder, let fingerprint, let recorded):
            "\(name): the data folder \(folder) holds other data (fingerprint \(fingerprint), the case records "
                + "\(recorded))"
        case .unusableConfig(let name, let reason):
            "\(name): recipe.config: \(reason)"
        case .configStartsFromModel(let name):
            "\(name): recipe.config starts from a model file (init_sha256); a training case trains from scratch"
        case .changedModel(let name, let file, let sha256, let recorded):
            "\(name): the model file \(file) has changed (sha256 \(sha256), the case records \(recorded))"
        case .unreadableModel(let name, let reason):
            "\(name): \(reason)"
        case .noCaseForPending(let file):
            "\(file): no case file beside it any more; reject removes it"
        case .pendingOfAnotherCase(let name, let file):
            "\(file) was obtained for another case than \(name) (its name, recipe, data fingerprint, model "
                + "sha256, exactness, seeds or margins differ); check the case again"
        }
    }
}
