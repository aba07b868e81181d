/// The convolution kernels for training: the same bits as ``ReferenceKernels`` for every
/// shape and thread count, at GEMM speed.
///
/// Each operation is one or four register-blocked SIMD products over zero-padded planes
/// (``TapProduct`` for forward passes and input gradients, ``TapCorrelation`` for weight
/// gradients): the kernels read the taps of an implicit im2col straight from the planes,
/// and every output element is the documented chain, computed by one lane of one
/// register tile. Threads take fixed blocks of output tiles, so they change only speed.
///
/// NaN results are NaN in both implementations but their payload and sign may differ
/// (the hardware picks which NaN operand propagates); every other result, signed zeros
/// and infinities included, is identical bit for bit.
public struct FastKernels: ConvolutionKernels {
    /// The most threads that one call uses.
    public let threadCount: Int

    private var runner: ParallelRunner { ParallelRunner(threadCount: threadCount) }

    /// Kernels that use up to `threadCount` threads per call.
    /// - Parameter threadCount: at least 1; results do not depend on it.
    public init(threadCount: Int) {
        precondition(threadCount >= 1, "thread count \(threadCount) must be at least 1")
        self.threadCount = threadCount
    }

    /// Convolution with stride 1 and zero padding; see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·k²·Ho·(W+2p)) fused multiply-adds.
    public func convolve(_ input: Tensor, weight: Tensor, bias: Tensor, padding: Int) -> Tensor {
        let g = ConvolutionGeometry(input: input.shape, weight: weight.shape, padding: padding)
        g.checkBias(bias.shape)
        let matrix = WeightMatrix(rows: g.outChannels, rowStride: g.inChannels * g.tapCount,
                                  channels: g.inChannels, channelStride: g.tapCount,
                                  tapOffsets: Array(0..<g.tapCount))
        return Self.convolution(of: PlaneBuffer(zeroPadding: input, padding: padding), kernelSize: g.kernelSize,
                                height: g.outputHeight, width: g.outputWidth, weight: weight.scalars,
                                matrix: matrix, starts: bias.scalars, runner: runner)
    }

    /// The input gradient of a convolution: the convolution of the output gradient, padded
    /// by k-1-p, with the transposed and flipped weight; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·k²·H·(Wo+2(k-1-p))) fused multiply-adds.
    public func convolveInputGradient(_ outputGradient: Tensor, weight: Tensor, padding: Int) -> Tensor {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape, padding: padding)
        // A[ci][(co, a, b)] = w[co, ci, k-1-a, k-1-b], and (k-1-a)·k + (k-1-b) = k²-1 - (a·k+b).
        let matrix = WeightMatrix(rows: g.inChannels, rowStride: g.tapCount,
                                  channels: g.outChannels, channelStride: g.inChannels * g.tapCount,
                                  tapOffsets: (0..<g.tapCount).map { g.tapCount - 1 - $0 })
        return Self.convolution(of: PlaneBuffer(zeroPadding: outputGradient, padding: g.transposedPadding),
                                kernelSize: g.kernelSize, height: g.inputHeight, width: g.inputWidth,
                                weight: weight.scalars, matrix: matrix, starts: nil, runner: runner)
    }

    /// The weight and bias gradients of a convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·k²·Ho·Wo) fused multiply-adds.
    public func convolveParameterGradients(_ outputGradient: Tensor, input: Tensor, kernelSize: Int,
                                           padding: Int) -> (weight: Tensor, bias: Tensor) {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape,
                                    kernelSize: kernelSize, padding: padding)
        let planes = PlaneBuffer(zeroPadding: input, padding: padding)
        let layout = planes.layout(tapOffsets: Self.kernelTaps(size: kernelSize, rowStride: planes.rowStride),
                                   gridHeight: g.outputHeight, gridWidth: g.outputWidth)
        // dw[co][(ci, t)] = Σ_p dy[co][p]·B[(ci, t)][p]
        let weightGradient = parameterGradient(outputGradient, layout: layout, over: planes,
                                               shape: [g.outChannels, g.inChannels, kernelSize, kernelSize])
        return (weightGradient, biasGradient(outputGradient))
    }

    /// Transposed convolution (k 3, stride 2, no padding); see ``ConvolutionKernels``.
    ///
    /// The outputs fall into four phases by the parity of (oy, ox); each phase is a
    /// stride-1 product over the input padded by one, with only the taps of its parity,
    /// in the documented order.
    /// - Complexity: O(Co·Ci·(2H+1)·(2W+1)) fused multiply-adds.
    public func transposedConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        let g = TransposedConvolutionGeometry(input: input.shape, weight: weight.shape)
        g.checkBias(bias.shape)
        var planes = PlaneBuffer(zeroPadding: input, padding: 1)
        var phases: [TapProduct] = []
        for py in 0..<2 {
            for px in 0..<2 {
                // Output (2m+py, 2n+px) takes tap (kh, kw) from input (m + (py-kh)/2, n + (px-kw)/2),
                // which is plane position (m + 1 + (py-kh)/2, n + 1 + (px-kw)/2).
                let taps = Array(stride(from: py, to: 3, by: 2)).flatMap { kh in
                    stride(from: px, to: 3, by: 2).map { kw in (kh, kw) }
                }
                let layout = planes.layout(
                    tapOffsets: taps.map { kh, kw in (1 + (py - kh) / 2) * planes.rowStride + 1 + (px - kw) / 2 },
                    gridHeight: g.inputHeight + 1 - py, gridWidth: g.inputWidth + 1 - px)
                let matrix = WeightMatrix(rows: g.outChannels, rowStride: 9, channels: g.inChannels,
                                          channelStride: g.outChannels * 9, tapOffsets: taps.map { kh, kw in kh * 3 + kw })
                let placement = OutputPlacement(channelStride: g.outputHeight * g.outputWidth,
                                                rowStep: 2 * g.outputWidth, columnStep: 2,
                                                offset: py * g.outputWidth + px)
                planes.reserveReads(of: layout)
                phases.append(TapProduct(matrix: matrix, layout: layout, placement: placement))
            }
        }
        var output = Tensor(shape: [g.outChannels, g.outputHeight, g.outputWidth])
        TapProduct.compute(phases, weight: weight.scalars, source: planes, starts: bias.scalars,
                           into: &output.scalars, runner: runner)
        return output
    }

    /// The input gradient of a transposed convolution: a stride-2 product over the four
    /// phases of the output gradient; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·(W+1)) fused multiply-adds.
    public func transposedConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape)
        var planes = PlaneBuffer(phasesOf: outputGradient)
        let layout = Self.strideTwoLayout(of: planes, height: g.inputHeight, width: g.inputWidth)
        planes.reserveReads(of: layout)
        let matrix = WeightMatrix(rows: g.inChannels, rowStride: g.outChannels * 9, channels: g.outChannels,
                                  channelStride: 9, tapOffsets: Array(0..<9))
        var inputGradient = Tensor(shape: [g.inChannels, g.inputHeight, g.inputWidth])
        let product = TapProduct(matrix: matrix, layout: layout,
                                 placement: .dense(height: g.inputHeight, width: g.inputWidth))
        TapProduct.compute([product], weight: weight.scalars, source: planes, starts: nil,
                           into: &inputGradient.scalars, runner: runner)
        return inputGradient
    }

    /// The weight and bias gradients of a transposed convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·W) fused multiply-adds.
    public func transposedConvolveParameterGradients(_ outputGradient: Tensor,
                                                     input: Tensor) -> (weight: Tensor, bias: Tensor) {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape)
        let planes = PlaneBuffer(phasesOf: outputGradient)
        let layout = Self.strideTwoLayout(of: planes, height: g.inputHeight, width: g.inputWidth)
        // dw[ci][(co, t)] = Σ_p x[ci][p]·B[(co, t)][p]
        let weightGradient = parameterGradient(input, layout: layout, over: planes,
                                               shape: [g.inChannels, g.outChannels, 3, 3])
        return (weightGradient, biasGradient(outputGradient))
    }

    /// A stride-1 convolution of `planes` (already padded) with a k x k kernel, placed
    /// into a `[matrix.rows, height, width]` tensor.
    private static func convolution(of planes: PlaneBuffer, kernelSize: Int, height: Int, width: Int,
                                    weight: [Float], matrix: WeightMatrix, starts: [Float]?,
                                    runner: ParallelRunner) -> Tensor {
        var planes = planes
        let layout = planes.layout(tapOffsets: kernelTaps(size: kernelSize, rowStride: planes.rowStride),
                                   gridHeight: height, gridWidth: width)
        planes.reserveReads(of: layout)
        var output = Tensor(shape: [matrix.rows, height, width])
        let product = TapProduct(matrix: matrix, layout: layout, placement: .dense(height: height, width: width))
        TapProduct.compute([product], weight: weight, source: planes, starts: starts, into: &output.scalars,
                           runner: runner)
        return output
    }

    /// The weight gradient `dw[g][r] = Σ_p activation[g][p]·B[r][p]`, p over the kept grid
    /// positions of `layout` in row-major order, as a tensor of `shape` (`[G, …]` holding
    /// the rows r of B in order).
    ///
    /// Small grids use a ``TapProduct`` over the transposed im2col matrix (a copy of
    /// `rows·positions` elements, written out densely); large grids use a
    /// ``TapCorrelation`` (a transpose of the activation, one scalar store per result).
    /// Both compute the same chains.
    private func parameterGradient(_ activation: Tensor, layout: TapLayout, over planes: PlaneBuffer,
                                   shape: [Int]) -> Tensor {
        let channels = activation.shape[0]
        let positions = layout.gridHeight * layout.gridWidth
        var gradient = Tensor(shape: shape)
        if positions < channels {
            let columns = PlaneBuffer(columnsOf: layout, in: planes)
            let product = TapProduct(matrix: WeightMatrix(rows: channels, columns: positions),
                                     layout: columns.columnLayout(rows: layout.rowCount),
                                     placement: .dense(height: 1, width: layout.rowCount))
            TapProduct.compute([product], weight: activation.scalars, source: columns, starts: nil,
                               into: &gradient.scalars, runner: runner)
        } else {
            let lanes = LaneMatrix(transposing: activation.scalars, rows: channels, columns: positions)
            TapCorrelation.compute(source: planes, layout: layout, lanes: lanes, into: &gradient.scalars,
                                   runner: runner)
        }
        return gradient
    }

    /// The offsets of the taps (kh, kw) of a k x k kernel in row-major order.
    private static func kernelTaps(size: Int, rowStride: Int) -> [Int] {
        (0..<size).flatMap { kh in (0..<size).map { kw in kh * rowStride + kw } }
    }

    /// The 3 x 3 stride-2 taps over the phases of a `[C, 2H+1, 2W+1]` tensor, for an
    /// `height x width` (H x W) grid: tap (kh, kw) reads phase `2·(kh%2) + kw%2` at
    /// offset `(kh/2, kw/2)`.
    private static func strideTwoLayout(of planes: PlaneBuffer, height: Int, width: Int) -> TapLayout {
        let taps = (0..<3).flatMap { kh in
            (0..<3).map { kw in
                (2 * (kh % 2) + kw % 2) * planes.planeStride + (kh / 2) * planes.rowStride + kw / 2
            }
        }
        return planes.layout(tapOffsets: taps, gridHeight: height, gridWidth: width)
    }

    /// The bias gradient shared by both kinds of convolution.
    private func biasGradient(_ outputGradient: Tensor) -> Tensor {
        let channels = outputGradient.shape[0]
        let planeSize = outputGradient.shape[1] * outputGradient.shape[2]
        return Tensor(shape: [channels],
                      scalars: RowSums.of(outputGradient.scalars, rows: channels, length: planeSize))
    }
}
