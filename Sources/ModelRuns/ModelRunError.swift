import TGSData

/// Why a model cannot be evaluated on data, or a run cannot start: one line naming the
/// model file, the option or the image concerned.
package enum ModelRunError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data's images are not the size the model takes.
    case dataSize(data: Int, model: String, size: Int)
    /// One image is not the size the model takes.
    case imageSize(id: String, pixels: Int, model: String, size: Int)
    /// The model records no split, and the split asked for needs one.
    case untrained(model: String)
    /// The data is not the data the model was trained on, and the split asked for needs it.
    case otherData(model: String, fingerprint: String, recorded: String, hint: String)
    /// The split holds no image.
    case emptySplit(EvaluationSplit, model: String)
    /// A parameter holds a NaN or an infinity.
    case nonFinite(model: String, path: String, purpose: Purpose)
    /// The model gives a NaN probability.
    case nanProbability(model: String, id: String)
    /// A checkpoint that holds no trained run was given to continue.
    case notACheckpoint(model: String)
    /// The epochs asked for are fewer than the checkpoint has completed.
    case fewerEpochs(asked: Int, completed: Int64, model: String)
    /// The configuration is not usable.
    case unusableConfiguration(String)
    /// Options given for the architecture contradict the model that `--init` takes it from.
    case architectureDiffers(options: [String], model: String)
    /// The model file given with `--init` is not the one the recorded run started from.
    case otherInitialModel(model: String, sha256: String, recorded: String)
    /// The recorded run started from a model file that was not given.
    case missingInitialModel(recorded: String)
    /// The run partitions the images into more folds than there are images.
    case moreFoldsThanImages(folds: Int, images: Int)

    /// What a model with non-finite parameters was given for.
    package enum Purpose: Equatable, Sendable {
        /// To evaluate it.
        case evaluation
        /// To train from it.
        case training
    }

    /// The line the command line prints.
    package var description: String {
        switch self {
        case .dataSize(let data, let model, let size):
            "the data's images are \(data) x \(data) but \(model) takes \(size) x \(size)"
        case .imageSize(let id, let pixels, let model, let size):
            "image \(id) has \(pixels) pixels but \(model) takes \(size) x \(size) images"
        case .untrained(let model):
            "\(model) records no split (it was never trained): use --split all"
        case .otherData(let model, let fingerprint, let recorded, let hint):
            "the data is not the data \(model) was trained on (fingerprint \(fingerprint), the file records "
                + "\(recorded))" + hint
        case .emptySplit(let split, let model):
            "the split \(split.rawValue) of \(model) has no image"
        case .nonFinite(let model, let path, .evaluation):
            "cannot evaluate \(model): \(path) holds a NaN or an infinity"
        case .nonFinite(let model, let path, .training):
            "cannot train from \(model): \(path) holds a NaN or an infinity"
        case .nanProbability(let model, let id):
            "\(model) gives a NaN probability for image \(id)"
        case .notACheckpoint(let model):
            "\(model) holds an untrained model: start from it with --init"
        case .fewerEpochs(let asked, let completed, let model):
            "--epochs \(asked) is less than the \(completed) epochs \(model) has completed"
        case .unusableConfiguration(let problem):
            problem
        case .architectureDiffers(let options, let model):
            "\(options.joined(separator: ", ")) differ from the architecture of \(model), which --init takes"
        case .otherInitialModel(let model, let sha256, let recorded):
            "\(model) is not the model file the run started from (its sha256 is \(sha256), the config records "
                + "\(recorded))"
        case .missingInitialModel(let recorded):
            "the run started from a model file with sha256 \(recorded): give it with --init"
        case .moreFoldsThanImages(let folds, let images):
            "--folds \(folds) is more than the \(images) images of the data: every fold needs one"
        }
    }
}
