/// How a model's 3 x 3 convolutions of stride 1 compute: part of its recipe, recorded in
/// its configuration (docs/MODEL.md), because the two give different bits.
///
/// Both are exact in the same sense: every thread count and kernel path gives the same
/// bits. The 1 x 1 output convolution and the transposed convolutions are direct in both.
package enum ConvolutionArithmetic: String, Codable, CaseIterable, Sendable {
    /// One chain of fused multiply-adds per output element, over every tap
    /// (``ConvolutionKernels``). Files that record no arithmetic use it.
    case direct
    /// Winograd's minimal filtering F(4 x 4, 3 x 3) (``WinogradTransform``): a quarter of
    /// the multiplications of `direct` in the products over channels.
    case winograd
}
