/// The transposed convolution (k 3, stride 2, no padding) and its gradients.
extension FastKernels {
    /// Transposed convolution (k 3, stride 2, no padding); see ``ConvolutionKernels``.
    ///
    /// The outputs fall into four phases by the parity of (oy, ox); each phase is a
    /// stride-1 product over the input padded by one, with only the taps of its parity,
    /// in the documented order. A batch `[N, Ci, H, W]` runs one image at a time, as
    /// ``convolve(_:weight:bias:padding:)`` does. The weight, which the phases read across
    /// its rows, is brought into the caches once first (``Tensor/bringScalarsIntoCache()``).
    /// - Complexity: O(N·Co·Ci·(2H+1)·(2W+1)) fused multiply-adds.
    package func transposedConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        let g = TransposedConvolutionGeometry(input: input.imageShape(), weight: weight.shape)
        g.checkBias(bias.shape)
        weight.bringScalarsIntoCache()
        let shape = input.batchShape([g.outChannels, g.outputHeight, g.outputWidth])
        // The images' four phases together write every output element.
        let scalars = [Float](count: shape.reduce(1, *)) { output in
            for image in 0..<input.imageCount() {
                transposedConvolution(of: PlaneBuffer(zeroPadding: input, padding: 1, images: image..<image + 1,
                                                      runner: runner),
                                      geometry: g, weight: weight, bias: bias, into: output, firstImage: image)
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// The transposed convolution of `planes` (the input padded by one: one image, or a run
    /// of a batch's), placed into `output` from image `firstImage` on.
    private func transposedConvolution(of planes: PlaneBuffer, geometry g: TransposedConvolutionGeometry,
                                       weight: Tensor, bias: Tensor, into output: BufferWriter<Float>,
                                       firstImage: Int) {
        var planes = planes
        let imageStride = g.outChannels * g.outputHeight * g.outputWidth
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
                                          channelStride: g.outChannels * 9,
                                          tapOffsets: taps.map { kh, kw in kh * 3 + kw })
                let placement = OutputPlacement(imageStride: imageStride, channelStride: g.outputHeight * g.outputWidth,
                                                rowStep: 2 * g.outputWidth, columnStep: 2,
                                                offset: firstImage * imageStride + py * g.outputWidth + px)
                planes.reserveReads(of: layout)
                phases.append(TapProduct(matrix: matrix, layout: layout, placement: placement))
            }
        }
        TapProduct.compute(phases, weight: weight.scalars, source: planes, starts: bias.scalars,
                           into: output, kernels: self)
    }

    /// The input gradient of a transposed convolution: a stride-2 product over the four
    /// phases of the output gradient; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·(W+1)) fused multiply-adds.
    package func transposedConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape)
        var planes = PlaneBuffer(phasesOf: outputGradient, runner: runner)
        let layout = Self.strideTwoLayout(of: planes, height: g.inputHeight, width: g.inputWidth)
        planes.reserveReads(of: layout)
        let matrix = WeightMatrix(rows: g.inChannels, rowStride: g.outChannels * 9, channels: g.outChannels,
                                  channelStride: 9, tapOffsets: Array(0..<9))
        let product = TapProduct(matrix: matrix, layout: layout,
                                 placement: .dense(channels: g.inChannels, height: g.inputHeight,
                                                         width: g.inputWidth))
        let scalars = [Float](count: g.inChannels * g.inputHeight * g.inputWidth) { inputGradient in
            TapProduct.compute([product], weight: weight.scalars, source: planes, starts: nil, into: inputGradient,
                               kernels: self)
        }
        return Tensor(shape: [g.inChannels, g.inputHeight, g.inputWidth], scalars: scalars)
    }

    /// The weight and bias gradients of a transposed convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·W) fused multiply-adds.
    package func transposedConvolveParameterGradients(_ outputGradient: Tensor,
                                                     input: Tensor) -> (weight: Tensor, bias: Tensor) {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape)
        let planes = PlaneBuffer(phasesOf: outputGradient, runner: runner)
        let layout = Self.strideTwoLayout(of: planes, height: g.inputHeight, width: g.inputWidth)
        // dw[ci][(co, t)] = Σ_p x[ci][p]·B[(co, t)][p]
        let weightGradient = parameterGradient(input, layout: layout, over: planes,
                                               shape: [g.inChannels, g.outChannels, 3, 3])
        return (weightGradient, biasGradient(outputGradient))
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
}
