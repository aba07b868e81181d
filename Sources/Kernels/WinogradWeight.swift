/// The weight of a 3 x 3 convolution for ``ConvolutionKernels/winogradConvolve(_:weight:bias:)``,
/// with its transform to Winograd's points made once where the kernels keep one
/// (``ConvolutionKernels/winogradWeight(_:)``): a model's predictions, which convolve many
/// images with the same weights, then transform each weight once instead of once a call.
/// The transform is the one each call would make, so the bits are the same either way.
package struct WinogradWeight: Sendable {
    /// The weight `[Co, Ci, 3, 3]`.
    package let weight: Tensor
    /// `U[t][ci][co]` as ``FastKernels``'s forward products read it
    /// (``FastKernels/transformWeight(_:transposed:into:)`` with `transposed`), or nil:
    /// the kernels transform the weight on each call.
    let transposedPoints: [Float]?

    /// `weight` as it is: transformed on each call.
    package init(_ weight: Tensor) {
        self.init(weight, transposedPoints: nil)
    }

    init(_ weight: Tensor, transposedPoints: [Float]?) {
        self.weight = weight
        self.transposedPoints = transposedPoints
    }
}
