/// The convolution kernels of the network, behind one interface so that a faster
/// implementation can replace the reference one without changing a single bit.
///
/// ## The arithmetic every implementation must follow
/// Every output element is one chain of fused multiply-adds, `acc = fma(a, b, acc)`, in the
/// order given below, starting from the value given below. Taps that fall on the zero
/// padding are part of the chain (they read 0.0). Implementations differ only in how they
/// schedule independent chains (blocking, SIMD lanes, threads), never in the chain itself,
/// so every implementation returns the same bits as ``ReferenceKernels`` whatever the
/// thread count.
///
/// Shapes: activations `[C, H, W]`; convolution weight `[Co, Ci, k, k]`; transposed
/// convolution weight `[Ci, Co, 3, 3]`; bias `[Co]`. The two forward passes also take a
/// batch `[N, C, H, W]` and return `[N, Co, Ho, Wo]`: each image's result is, bit for bit,
/// the result of that image alone (batches serve inference, where images are independent).
///
/// - Convolution (stride 1, zero padding p): output `[Co, H+2p-k+1, W+2p-k+1]`;
///   `y[co,oy,ox]` starts at `bias[co]` and accumulates `w[co,ci,kh,kw] * x[ci,oy+kh-p,ox+kw-p]`
///   for ci, then kh, then kw ascending (ci outermost).
/// - Its input gradient is the convolution of `dy` (padding k-1-p, bias zero) with the
///   weight transposed and flipped, `w'[ci,co,a,b] = w[co,ci,k-1-a,k-1-b]`: `dx[ci,y,x]`
///   starts at 0 and accumulates `w'[ci,co,a,b] * dy[co,y+a-(k-1-p),x+b-(k-1-p)]` for co,
///   then a, then b ascending.
/// - Its weight gradient: `dw[co,ci,kh,kw]` starts at 0 and accumulates
///   `dy[co,oy,ox] * x[ci,oy+kh-p,ox+kw-p]` over (oy, ox) in row-major order; the bias
///   gradient `db[co]` starts at 0 and adds `dy[co,oy,ox]` in row-major order.
/// - Transposed convolution (k 3, stride 2, padding 0): output `[Co, 2H+1, 2W+1]`;
///   `y[co,oy,ox]` starts at `bias[co]` and accumulates `w[ci,co,kh,kw] * x[ci,(oy-kh)/2,(ox-kw)/2]`
///   over the taps with kh ≡ oy and kw ≡ ox (mod 2), for ci, then kh, then kw ascending;
///   a tap whose input position lies outside the input reads 0.
/// - Its input gradient: `dx[ci,iy,ix]` starts at 0 and accumulates
///   `w[ci,co,kh,kw] * dy[co,2iy+kh,2ix+kw]` for co, then kh, then kw ascending.
/// - Its weight gradient: `dw[ci,co,kh,kw]` starts at 0 and accumulates
///   `x[ci,iy,ix] * dy[co,2iy+kh,2ix+kw]` over (iy, ix) in row-major order; the bias
///   gradient as for the convolution.
package protocol ConvolutionKernels: Sendable {
    /// The most threads that one call uses; other bulk arithmetic of a step (Adam's update)
    /// may use as many.
    var threadCount: Int { get }

    /// `body(item, kernels)` for every item of `0..<count`, independent computations: the
    /// items spread over the threads, one at a time on each, every item computing on one
    /// thread with the kernels handed to it (these kernels on one thread, with the same
    /// bits); the results in item order, which do not depend on how the items ran.
    func mapOnThreads<Result>(count: Int, _ body: (Int, any ConvolutionKernels) -> Result) -> [Result]

    /// A new list of jobs that the other threads of these kernels take up while the caller
    /// goes on, each computing with these kernels' bits: on one thread where another thread
    /// takes it, with these kernels where the caller runs it; nil where there are no other
    /// threads (the caller then does the work itself).
    func sideJobs() -> SideJobs?

    /// Convolution with stride 1 and zero padding `padding` on every side.
    /// - Parameters:
    ///   - input: `[Ci, H, W]`, or a batch `[N, Ci, H, W]`.
    ///   - weight: `[Co, Ci, k, k]`.
    ///   - bias: `[Co]`.
    ///   - padding: zeros added on each side, `0 <= padding < k`.
    /// - Returns: `[Co, H+2p-k+1, W+2p-k+1]` (`[N, Co, …]` for a batch).
    func convolve(_ input: Tensor, weight: Tensor, bias: Tensor, padding: Int) -> Tensor

    /// The gradient of ``convolve(_:weight:bias:padding:)`` with respect to its input.
    /// - Parameters:
    ///   - outputGradient: `[Co, Ho, Wo]`.
    ///   - weight: `[Co, Ci, k, k]`, the weight of the forward pass.
    ///   - padding: the padding of the forward pass.
    /// - Returns: `[Ci, Ho-2p+k-1, Wo-2p+k-1]`.
    func convolveInputGradient(_ outputGradient: Tensor, weight: Tensor, padding: Int) -> Tensor

    /// The gradients of ``convolve(_:weight:bias:padding:)`` with respect to its weight
    /// and bias.
    /// - Parameters:
    ///   - outputGradient: `[Co, Ho, Wo]`.
    ///   - input: `[Ci, H, W]`, the input of the forward pass.
    ///   - kernelSize: k.
    ///   - padding: the padding of the forward pass.
    /// - Returns: the weight gradient `[Co, Ci, k, k]` and the bias gradient `[Co]`.
    func convolveParameterGradients(_ outputGradient: Tensor, input: Tensor, kernelSize: Int,
                                    padding: Int) -> (weight: Tensor, bias: Tensor)

    /// The Winograd arithmetic of a 3 x 3 convolution with stride 1 and padding 1
    /// (``ConvolutionArithmetic/winograd``, defined in ``WinogradTransform``).
    /// - Parameters:
    ///   - input: `[Ci, H, W]`, or a batch `[N, Ci, H, W]` (each image's result is that
    ///     image's alone, bit for bit).
    ///   - weight: `[Co, Ci, 3, 3]`, as ``winogradWeight(_:)`` prepares it or as it is
    ///     (``WinogradWeight/init(_:)``); the same bits either way.
    ///   - bias: `[Co]`.
    /// - Returns: `[Co, H, W]` (`[N, Co, H, W]` for a batch).
    func winogradConvolve(_ input: Tensor, weight: WinogradWeight, bias: Tensor) -> Tensor

    /// `weight` `[Co, Ci, 3, 3]` made ready for many calls of
    /// ``winogradConvolve(_:weight:bias:)``: transformed once, where these kernels keep the
    /// transform.
    func winogradWeight(_ weight: Tensor) -> WinogradWeight

    /// The gradient of ``winogradConvolve(_:weight:bias:)`` with respect to its input: the
    /// exact adjoint of its arithmetic (``WinogradTransform``).
    /// - Parameters:
    ///   - outputGradient: `[Co, H, W]`.
    ///   - weight: `[Co, Ci, 3, 3]`.
    /// - Returns: `[Ci, H, W]`.
    func winogradConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor

    /// The gradients of ``winogradConvolve(_:weight:bias:)`` with respect to its weight
    /// and bias: the exact adjoint of its arithmetic (``WinogradTransform``); the bias
    /// gradient as for the direct convolution.
    /// - Parameters:
    ///   - outputGradient: `[Co, H, W]`.
    ///   - input: `[Ci, H, W]`, the input of the forward pass.
    /// - Returns: the weight gradient `[Co, Ci, 3, 3]` and the bias gradient `[Co]`.
    func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                            input: Tensor) -> (weight: Tensor, bias: Tensor)

    /// Transposed convolution with a 3 x 3 kernel, stride 2 and no padding.
    /// - Parameters:
    ///   - input: `[Ci, H, W]`, or a batch `[N, Ci, H, W]`.
    ///   - weight: `[Ci, Co, 3, 3]`.
    ///   - bias: `[Co]`.
    /// - Returns: `[Co, 2H+1, 2W+1]` (`[N, Co, …]` for a batch).
    func transposedConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor

    /// The gradient of ``transposedConvolve(_:weight:bias:)`` with respect to its input.
    /// - Parameters:
    ///   - outputGradient: `[Co, 2H+1, 2W+1]`.
    ///   - weight: `[Ci, Co, 3, 3]`.
    /// - Returns: `[Ci, H, W]`.
    func transposedConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor

    /// The gradients of ``transposedConvolve(_:weight:bias:)`` with respect to its weight
    /// and bias.
    /// - Parameters:
    ///   - outputGradient: `[Co, 2H+1, 2W+1]`.
    ///   - input: `[Ci, H, W]`, the input of the forward pass.
    /// - Returns: the weight gradient `[Ci, Co, 3, 3]` and the bias gradient `[Co]`.
    func transposedConvolveParameterGradients(_ outputGradient: Tensor,
                                              input: Tensor) -> (weight: Tensor, bias: Tensor)
}

extension ConvolutionKernels {
    /// ``winogradConvolve(_:weight:bias:)`` with `weight` `[Co, Ci, 3, 3]` transformed for
    /// this call alone.
    package func winogradConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        winogradConvolve(input, weight: WinogradWeight(weight), bias: bias)
    }
}
