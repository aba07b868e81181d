/// How a parameter tensor is drawn when a model is created (docs/MODEL.md §3).
package enum Initialisation: Equatable, Sendable {
    /// Uniform on (-bound, bound): PyTorch's default for convolutions, bound = 1/sqrt(fanIn).
    case symmetricUniform(bound: Double)
    /// `scale` times a standard normal.
    case scaledNormal(scale: Double)
    /// `scale` times a uniform on [0, 1).
    case scaledUniform(scale: Double)
    /// Every element the same value.
    case constant(Float)
}

/// One trainable tensor of the model: its name, its shape and its initialisation.
package struct ParameterSpec: Equatable, Sendable {
    /// The tensor's name, for example `down1.conv.weight`.
    package let name: ParameterName
    /// The tensor's shape.
    package let shape: [Int]
    /// How the tensor is drawn for a new model.
    package let initialisation: Initialisation

    /// A spec from its parts.
    package init(name: ParameterName, shape: [Int], initialisation: Initialisation) {
        self.name = name
        self.shape = shape
        self.initialisation = initialisation
    }

    /// The number of scalars.
    package var scalarCount: Int { shape.reduce(1, *) }
}

/// The trainable tensors of a model, in the order of the original PyTorch `state_dict`.
package enum ParameterLayout {
    /// The specification of every trainable tensor of a model of `configuration`.
    package static func specs(for configuration: ModelConfiguration) -> [ParameterSpec] {
        let s = configuration.size
        var specs = [ParameterSpec(name: .head(.w), shape: [s, s], initialisation: .scaledNormal(scale: 0.01))]
        if configuration.isPlastic {
            specs.append(configuration.alpha == .free
                ? ParameterSpec(name: .head(.alpha), shape: [s, s], initialisation: .scaledUniform(scale: 0.01))
                : ParameterSpec(name: .head(.alpha), shape: [1], initialisation: .constant(0.01)))
            specs.append(ParameterSpec(name: .head(.eta), shape: [1], initialisation: .constant(0.01)))
        }
        for layer in NetworkLayout.convolutions(width: configuration.width) {
            let bound = 1 / Double(layer.fanIn).squareRoot()
            specs.append(ParameterSpec(name: layer.parameterName(.weight), shape: layer.weightShape,
                                       initialisation: .symmetricUniform(bound: bound)))
            specs.append(ParameterSpec(name: layer.parameterName(.bias), shape: [layer.outChannels],
                                       initialisation: .symmetricUniform(bound: bound)))
        }
        return specs
    }
}
