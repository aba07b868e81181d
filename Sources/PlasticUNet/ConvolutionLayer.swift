/// One convolution of the network: its name, its kind and its channel counts.
package struct ConvolutionLayer: Equatable, Sendable {
    /// The kinds of convolution in the network.
    package enum Kind: Equatable, Sendable {
        /// 3 x 3, stride 1, zero padding 1.
        case conv3x3
        /// 1 x 1, stride 1, no padding.
        case conv1x1
        /// Transposed, 3 x 3, stride 2, no padding.
        case transposed3x3
    }

    /// The layer's name: its block or stage, then its place in it, for example
    /// `down1.res2.conv1` (``NetworkLayout`` lists the names).
    package let name: String
    /// The kind of convolution.
    package let kind: Kind
    /// Input channels.
    package let inChannels: Int
    /// Output channels.
    package let outChannels: Int

    /// The name of the layer's weight or bias.
    package func parameterName(_ part: ParameterName.ConvolutionPart) -> ParameterName {
        .convolution(layer: name, part: part)
    }

    /// The side of the square kernel.
    package var kernelSize: Int { kind == .conv1x1 ? 1 : 3 }

    /// The zero padding on each side.
    package var padding: Int { kind == .conv3x3 ? 1 : 0 }

    /// The weight's shape: `[out, in, k, k]`, or `[in, out, k, k]` when transposed.
    package var weightShape: [Int] {
        let k = kernelSize
        return kind == .transposed3x3
            ? [inChannels, outChannels, k, k]
            : [outChannels, inChannels, k, k]
    }

    /// The fan-in of PyTorch's default initialisation: `in·k·k` (`out·k·k` when transposed).
    package var fanIn: Int {
        let k = kernelSize
        return (kind == .transposed3x3 ? outChannels : inChannels) * k * k
    }
}

extension Dictionary where Key == String, Value == ConvolutionLayer {
    /// The layer named `name`, which the network's layout guarantees to exist.
    package func layer(named name: String) -> ConvolutionLayer {
        guard let layer = self[name] else { preconditionFailure("the layout has no layer \(name)") }
        return layer
    }
}
