/// The name of one trainable tensor of the network: a tensor of the plastic head, or the
/// weight or bias of a convolution layer. Where a model file stores a tensor and what the
/// original PyTorch module calls it are the file layer's business, not the model's.
package enum ParameterName: Hashable, Sendable, CustomStringConvertible {
    /// The tensors of the plastic head.
    package enum HeadTensor: String, CaseIterable, Sendable {
        /// The fixed weights `w`, `[S, S]`.
        case w
        /// The plasticity coefficients, `[S, S]` (free) or `[1]` (yoked).
        case alpha
        /// The plasticity rate, `[1]`.
        case eta
    }

    /// The two tensors of a convolution layer.
    package enum ConvolutionPart: String, CaseIterable, Sendable {
        /// The kernel.
        case weight
        /// The bias, one value per output channel.
        case bias
    }

    /// A tensor of the plastic head.
    case head(HeadTensor)
    /// The weight or bias of the convolution layer named `layer` (``ConvolutionLayer/name``).
    case convolution(layer: String, part: ConvolutionPart)

    /// `w`, `alpha`, `eta`, or `LAYER.weight` / `LAYER.bias` (`down1.res2.conv1.weight`).
    package var description: String {
        switch self {
        case .head(let tensor): tensor.rawValue
        case .convolution(let layer, let part): "\(layer).\(part.rawValue)"
        }
    }

    /// The name of the random stream that draws this tensor's initial values:
    /// `init:/plastic/TENSOR` for a head tensor, `init:/parameters/LAYER/PART` for a
    /// convolution. These keys are fixed for good (they spell the tensors' places in the
    /// first model file format), so that a seed gives the same initial model in every
    /// version of the program.
    package var initialisationStream: String {
        switch self {
        case .head(let tensor): "init:/plastic/\(tensor.rawValue)"
        case .convolution(let layer, let part): "init:/parameters/\(layer)/\(part.rawValue)"
        }
    }
}
