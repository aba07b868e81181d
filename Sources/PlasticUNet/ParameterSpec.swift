/// How a parameter tensor is drawn when a model is created (MODEL.md §3).
public enum Initialisation: Equatable, Sendable {
    /// Uniform on (-bound, bound): PyTorch's default for convolutions, bound = 1/sqrt(fanIn).
    case symmetricUniform(bound: Double)
    /// `scale` times a standard normal.
    case scaledNormal(scale: Double)
    /// `scale` times a uniform on [0, 1).
    case scaledUniform(scale: Double)
    /// Every element the same value.
    case constant(Float)
}

/// One trainable tensor of the model: where it lives in the model file, its name in the
/// original PyTorch module, its shape and its initialisation.
public struct ParameterSpec: Equatable, Sendable {
    /// The dataset's path in the model file, for example `/parameters/down1.conv/weight`.
    public let path: String
    /// The key of the original PyTorch module's `state_dict`, for example
    /// `conv1.dconv.0.weight`.
    public let torchName: String
    /// The tensor's shape.
    public let shape: [Int]
    /// How the tensor is drawn for a new model.
    public let initialisation: Initialisation

    /// A spec from its parts.
    public init(path: String, torchName: String, shape: [Int], initialisation: Initialisation) {
        self.path = path
        self.torchName = torchName
        self.shape = shape
        self.initialisation = initialisation
    }

    /// The number of scalars.
    public var scalarCount: Int { shape.reduce(1, *) }
}

/// The model file paths of the plastic head's tensors.
public enum PlasticPath {
    /// The fixed weights `w`, `[S, S]`.
    public static let w = "/plastic/w"
    /// The plasticity coefficients, `[S, S]` (free) or `[1]` (yoked).
    public static let alpha = "/plastic/alpha"
    /// The plasticity rate, `[1]`.
    public static let eta = "/plastic/eta"
}

/// The trainable tensors of a model, in the order of the original PyTorch `state_dict`.
public enum ParameterLayout {
    /// The specification of every trainable tensor of a model of `configuration`.
    public static func specs(for configuration: ModelConfiguration) -> [ParameterSpec] {
        let s = configuration.size
        var specs = [ParameterSpec(path: PlasticPath.w, torchName: "w", shape: [s, s],
                                   initialisation: .scaledNormal(scale: 0.01))]
        if configuration.isPlastic {
            specs.append(configuration.alpha == .free
                ? ParameterSpec(path: PlasticPath.alpha, torchName: "alpha", shape: [s, s],
                                initialisation: .scaledUniform(scale: 0.01))
                : ParameterSpec(path: PlasticPath.alpha, torchName: "alpha", shape: [1],
                                initialisation: .constant(0.01)))
            specs.append(ParameterSpec(path: PlasticPath.eta, torchName: "eta", shape: [1],
                                       initialisation: .constant(0.01)))
        }
        for layer in NetworkLayout.convolutions(width: configuration.width) {
            let bound = 1 / Double(layer.fanIn).squareRoot()
            specs.append(ParameterSpec(path: weightPath(of: layer), torchName: "\(layer.torchPrefix).weight",
                                       shape: layer.weightShape, initialisation: .symmetricUniform(bound: bound)))
            specs.append(ParameterSpec(path: biasPath(of: layer), torchName: "\(layer.torchPrefix).bias",
                                       shape: [layer.outChannels], initialisation: .symmetricUniform(bound: bound)))
        }
        return specs
    }

    /// The model file path of a convolution's weight.
    public static func weightPath(of layer: ConvolutionLayer) -> String {
        "/parameters/\(layer.name)/weight"
    }

    /// The model file path of a convolution's bias.
    public static func biasPath(of layer: ConvolutionLayer) -> String {
        "/parameters/\(layer.name)/bias"
    }
}
