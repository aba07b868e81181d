/// The convolution kernels for training: the same bits as ``ReferenceKernels`` for every
/// shape and thread count, at GEMM speed.
///
/// Each operation copies its input once into zero-padded planes (``PlaneBuffer``), then
/// runs one parallel region of register-blocked SIMD products over them, compiled for the
/// instruction set of a ``KernelPath``: ``TapProduct``
/// for forward passes and input gradients (the four phases of a transposed convolution
/// in one region), ``TapCorrelation`` or a ``TapProduct`` over transposed im2col columns
/// for weight gradients. The taps of the implicit im2col are read straight from the
/// planes, and every output element is the documented chain, computed by one lane of one
/// register tile of one task. Tasks are fixed blocks of tiles cut from the shape alone;
/// threads take contiguous ranges of them and change only the speed, as does the path.
///
/// NaN results are NaN in both implementations but their payload and sign may differ
/// (the hardware picks which NaN operand propagates); every other result, signed zeros
/// and infinities included, is identical bit for bit.
package struct FastKernels: ConvolutionKernels {
    /// The most threads that one call uses.
    package let threadCount: Int
    /// The instruction set of the inner loops.
    package let path: KernelPath

    /// The items on the worker pool, each with this path on one thread; one after the
    /// other with these kernels where there is one thread or one item.
    package func mapOnThreads<Result>(count: Int, _ body: (Int, any ConvolutionKernels) -> Result) -> [Result] {
        guard threadCount > 1, count > 1 else { return (0..<count).map { body($0, self) } }
        return ItemsOnThreads.map(count: count, runner: runner, kernels: FastKernels(threadCount: 1, path: path), body)
    }

    /// See ``ConvolutionKernels/sideJobs()``.
    package func sideJobs() -> SideJobs? {
        threadCount > 1 ? SideJobs(kernels: FastKernels(threadCount: 1, path: path), callerKernels: self) : nil
    }

    /// The threads of one call.
    var runner: ParallelRunner { ParallelRunner(threadCount: threadCount) }

    /// Kernels that use up to `threadCount` threads per call.
    /// - Parameters:
    ///   - threadCount: at least 1; results do not depend on it.
    ///   - path: the instruction set, one that this CPU supports; results do not depend on it.
    package init(threadCount: Int, path: KernelPath = .selected) {
        precondition(threadCount >= 1, "thread count \(threadCount) must be at least 1")
        precondition(path.isSupported, "this CPU cannot run the \(path.rawValue) kernels")
        self.threadCount = threadCount
        self.path = path
    }

    /// Convolution with stride 1 and zero padding; see ``ConvolutionKernels``. A batch
    /// `[N, Ci, H, W]` is one product per image: products over several small images were
    /// measured slower than one per image (each reads the weight once per image either way,
    /// and one image's planes stay in the nearest caches).
    /// - Complexity: O(N·Co·Ci·k²·(H+2p)·(W+2p)) fused multiply-adds.
    package func convolve(_ input: Tensor, weight: Tensor, bias: Tensor, padding: Int) -> Tensor {
        let g = ConvolutionGeometry(input: input.imageShape(), weight: weight.shape, padding: padding)
        g.checkBias(bias.shape)
        let matrix = WeightMatrix(rows: g.outChannels, rowStride: g.inChannels * g.tapCount,
                                  channels: g.inChannels, channelStride: g.tapCount,
                                  tapOffsets: Array(0..<g.tapCount))
        let shape = input.batchShape([g.outChannels, g.outputHeight, g.outputWidth])
        // The images together write every output element.
        let scalars = [Float](count: shape.reduce(1, *)) { output in
            for image in 0..<input.imageCount() {
                Self.convolution(of: PlaneBuffer(zeroPadding: input, padding: padding, images: image..<image + 1,
                                                 runner: runner),
                                 kernelSize: g.kernelSize, weight: weight.scalars, matrix: matrix,
                                 starts: bias.scalars, outputHeight: g.outputHeight, outputWidth: g.outputWidth,
                                 into: output, firstImage: image, kernels: self)
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// The input gradient of a convolution: the convolution of the output gradient, padded
    /// by k-1-p, with the transposed and flipped weight; see ``ConvolutionKernels``. The
    /// weight, read across its rows, is brought into the caches first (``Tensor/bringScalarsIntoCache()``).
    /// - Complexity: O(Ci·Co·k²·H·(Wo+2(k-1-p))) fused multiply-adds.
    package func convolveInputGradient(_ outputGradient: Tensor, weight: Tensor, padding: Int) -> Tensor {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape, padding: padding)
        // A[ci][(co, a, b)] = w[co, ci, k-1-a, k-1-b], and (k-1-a)·k + (k-1-b) = k²-1 - (a·k+b).
        let matrix = WeightMatrix(rows: g.inChannels, rowStride: g.tapCount,
                                  channels: g.outChannels, channelStride: g.inChannels * g.tapCount,
                                  tapOffsets: (0..<g.tapCount).map { g.tapCount - 1 - $0 })
        weight.bringScalarsIntoCache()
        let scalars = [Float](count: g.inChannels * g.inputHeight * g.inputWidth) { inputGradient in
            Self.convolution(of: PlaneBuffer(zeroPadding: outputGradient, padding: g.transposedPadding,
                                             runner: runner),
                             kernelSize: g.kernelSize, weight: weight.scalars, matrix: matrix, starts: nil,
                             outputHeight: g.inputHeight, outputWidth: g.inputWidth, into: inputGradient,
                             firstImage: 0, kernels: self)
        }
        return Tensor(shape: [g.inChannels, g.inputHeight, g.inputWidth], scalars: scalars)
    }

    /// The weight and bias gradients of a convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·k²·Ho·Wo) fused multiply-adds.
    package func convolveParameterGradients(_ outputGradient: Tensor, input: Tensor, kernelSize: Int,
                                           padding: Int) -> (weight: Tensor, bias: Tensor) {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape,
                                    kernelSize: kernelSize, padding: padding)
        let planes = PlaneBuffer(zeroPadding: input, padding: padding, runner: runner)
        let layout = planes.layout(tapOffsets: Self.kernelTaps(size: kernelSize, rowStride: planes.rowStride),
                                   gridHeight: g.outputHeight, gridWidth: g.outputWidth)
        // dw[co][(ci, t)] = Σ_p dy[co][p]·B[(ci, t)][p]
        let weightGradient = parameterGradient(outputGradient, layout: layout, over: planes,
                                               shape: [g.outChannels, g.inChannels, kernelSize, kernelSize])
        return (weightGradient, biasGradient(outputGradient))
    }

    /// A stride-1 convolution of `planes` (already padded, holding one image, or one of a
    /// batch's) with a k x k kernel, placed into `output` (`[matrix.rows, H, W]` for
    /// `outputHeight` H and `outputWidth` W, or a batch `[N, matrix.rows, H, W]`), writing
    /// every element of the images from `firstImage` on that the planes hold.
    private static func convolution(of planes: PlaneBuffer, kernelSize: Int, weight: [Float], matrix: WeightMatrix,
                                    starts: [Float]?, outputHeight height: Int, outputWidth width: Int,
                                    into output: BufferWriter<Float>, firstImage: Int, kernels: FastKernels) {
        var planes = planes
        let layout = planes.layout(tapOffsets: kernelTaps(size: kernelSize, rowStride: planes.rowStride),
                                   gridHeight: height, gridWidth: width)
        planes.reserveReads(of: layout)
        let product = TapProduct(matrix: matrix, layout: layout,
                                 placement: .dense(channels: matrix.rows, height: height, width: width,
                                                   firstImage: firstImage))
        TapProduct.compute([product], weight: weight, source: planes, starts: starts, into: output,
                           kernels: kernels)
    }

    /// The weight gradient `dw[g][r] = Σ_p activation[g][p]·B[r][p]`, p over the kept grid
    /// positions of `layout` in row-major order, as a tensor of `shape` (`[G, …]` holding
    /// the rows r of B in order).
    ///
    /// Small grids use a ``TapProduct`` over the transposed im2col matrix (a copy of
    /// `rows·positions` elements, written out densely); large grids use a
    /// ``TapCorrelation`` (a transpose of the activation, one scalar store per result).
    /// Both compute the same chains.
    func parameterGradient(_ activation: Tensor, layout: TapLayout, over planes: PlaneBuffer,
                                   shape: [Int]) -> Tensor {
        let channels = activation.shape[0]
        let positions = layout.gridHeight * layout.gridWidth
        // Either way, every element of the gradient is one chain's result.
        let scalars = [Float](count: shape.reduce(1, *)) { gradient in
            if positions < channels {
                let columns = PlaneBuffer(columnsOf: layout, in: planes, runner: runner)
                let product = TapProduct(matrix: WeightMatrix(rows: channels, columns: positions),
                                         layout: columns.columnLayout(rows: layout.rowCount),
                                         placement: .dense(channels: channels, height: 1, width: layout.rowCount))
                TapProduct.compute([product], weight: activation.scalars, source: columns, starts: nil,
                                   into: gradient, kernels: self)
            } else {
                let tile = TapCorrelation.tile(rows: layout.rowCount, channels: channels, kernels: self)
                let lanes = LaneMatrix(transposing: activation.scalars, rows: channels, columns: positions,
                                       tileColumns: tile.columns, runner: runner)
                TapCorrelation.compute(source: planes, layout: layout, lanes: lanes, tile: tile, into: gradient,
                                       kernels: self)
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// The offsets of the taps (kh, kw) of a k x k kernel in row-major order.
    private static func kernelTaps(size: Int, rowStride: Int) -> [Int] {
        (0..<size).flatMap { kh in (0..<size).map { kw in kh * rowStride + kw } }
    }

    /// The bias gradient of both kinds of convolution: the row sums of `[C, H, W]`.
    func biasGradient(_ outputGradient: Tensor) -> Tensor {
        let channels = outputGradient.shape[0]
        let planeSize = outputGradient.shape[1] * outputGradient.shape[2]
        return Tensor(shape: [channels],
                      scalars: RowSums.of(outputGradient.scalars, rows: channels, length: planeSize))
    }
}
