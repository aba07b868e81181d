import HDF5Kit
import PlasticUNet

/// Why a file cannot be exported or imported: one line that names the file and, where
/// there is one, the key or object at fault.
package enum InteropError: Error, CustomStringConvertible, Equatable {
    /// The `state_dict` lacks the first convolution's weight, whose shape gives the width.
    case noWidthKey(file: String)
    /// The first convolution's weight is not n x 1 x 3 x 3.
    case widthKeyShape(file: String, shape: [Int])
    /// The `state_dict` lacks the head's weights `w`, whose shape gives the size.
    case noHeadWeights(file: String)
    /// The head's weights `w` are not S x S.
    case headWeightsShape(file: String, shape: [Int])
    /// The model that the tensors and the options describe is not usable.
    case unusableModel(file: String, problem: String)
    /// The `state_dict` lacks the tensor `key`, which `model` needs in `shape`.
    case missingKey(file: String, key: String, model: ModelConfiguration, shape: [Int])
    /// The tensor `key` has `shape`, and `model` needs `expected`.
    case keyShape(file: String, key: String, shape: [Int], expected: [Int], model: ModelConfiguration)
    /// The tensor `key` holds a NaN or an infinity.
    case nonFinite(file: String, key: String)
    /// The `state_dict` holds a key that `model` has no tensor for.
    case unexpectedKey(file: String, key: String, model: ModelConfiguration)
    /// The `state_dict` holds a trace, and rule none has none.
    case unexpectedTrace(file: String)
    /// The object at `path`, at the root of a `state_dict` file, is not a dataset.
    case notADataset(file: String, path: String)
    /// The tensor `key` holds numbers of `type`, not float32.
    case notFloat32(file: String, key: String, type: HDF5ElementType)
    /// The original's training output lacks the dataset at `path`.
    case notOriginalOutput(file: String, missing: String)
    /// The original's `net/w` is not S x S.
    case originalWeightsShape(file: String, shape: [Int])
    /// The dataset at `path` of the original's training output holds numbers of `type`,
    /// not floating-point ones.
    case notFloatingPoint(file: String, path: String, type: HDF5ElementType)

    /// The message, without the program's prefix: `FILE: REASON`.
    package var description: String {
        "\(file): \(reason)"
    }

    /// The file at fault.
    package var file: String {
        switch self {
        case .noWidthKey(let file), .widthKeyShape(let file, _), .noHeadWeights(let file),
             .headWeightsShape(let file, _), .unusableModel(let file, _), .missingKey(let file, _, _, _),
             .keyShape(let file, _, _, _, _), .nonFinite(let file, _), .unexpectedKey(let file, _, _),
             .unexpectedTrace(let file), .notADataset(let file, _), .notFloat32(let file, _, _),
             .notOriginalOutput(let file, _), .originalWeightsShape(let file, _), .notFloatingPoint(let file, _, _):
            file
        }
    }

    /// What is wrong with the file.
    private var reason: String {
        switch self {
        case .noWidthKey:
            "missing key \(TorchImport.widthKey) (the first convolution, whose shape gives the width)"
        case .widthKeyShape(_, let shape):
            "key \(TorchImport.widthKey) has shape \(Self.text(shape)), expected n x 1 x 3 x 3"
        case .noHeadWeights:
            "missing key w (the head's S x S weights)"
        case .headWeightsShape(_, let shape):
            "key w has shape \(Self.text(shape)), expected S x S"
        case .unusableModel(_, let problem):
            problem
        case .missingKey(_, let key, let model, let shape):
            "missing key \(key) (\(Self.text(model)) needs it, shape \(Self.text(shape)))"
        case .keyShape(_, let key, let shape, let expected, let model):
            "key \(key) has shape \(Self.text(shape)), expected \(Self.text(expected))"
                + Self.alphaHint(key, shape, model)
        case .nonFinite(_, let key):
            "key \(key) holds NaN or an infinity"
        case .unexpectedKey(_, let key, let model):
            "unexpected key \(key): \(Self.text(model)) has no tensor of that name"
                + (key == "alpha" || key == "eta" ? " (rule none has no plasticity)" : "")
        case .unexpectedTrace:
            "unexpected key \(TorchStateDict.traceKey): rule none has no trace"
        case .notADataset(_, let path):
            "\(path) is not a dataset: a state_dict file holds only datasets at its root (is it a model file? Then "
                + "use it as it is)"
        case .notFloat32(_, let key, let type):
            "key \(key) holds \(type), not float32"
        case .notOriginalOutput(_, let missing):
            "no dataset \(missing): not a training output of the original implementation (train_data.hdf5)"
        case .originalWeightsShape(_, let shape):
            "net/w has shape \(shape), expected S x S"
        case .notFloatingPoint(_, let path, let type):
            "\(path) holds \(type), not floating-point numbers"
        }
    }

    /// Why an `alpha` of the other kind does not fit, or nothing.
    private static func alphaHint(_ key: String, _ shape: [Int], _ model: ModelConfiguration) -> String {
        guard key == "alpha" else { return "" }
        switch model.alpha {
        case .yoked where shape == [model.size, model.size]:
            return ": this alpha has one coefficient per connection (free), and --alpha yoked keeps a single one; "
                + "import it with --alpha free"
        case .free where shape == [1]:
            return ": this alpha is one shared coefficient (yoked); import it with --alpha yoked"
        default:
            return ""
        }
    }

    /// `a width-N, S x S model with rule R and A alpha`.
    private static func text(_ model: ModelConfiguration) -> String {
        "a width-\(model.width), \(model.size) x \(model.size) model with rule \(model.rule)"
            + (model.isPlastic ? " and \(model.alpha) alpha" : "")
    }

    /// `n x 1 x 3 x 3`, or `scalar`.
    private static func text(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: " x ")
    }
}
