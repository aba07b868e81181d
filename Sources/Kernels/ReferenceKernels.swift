/// The definition of the convolution arithmetic: plain loops that follow the chains
/// documented on ``ConvolutionKernels`` literally, one output element at a time, on one
/// thread.
///
/// Every output element is `acc = acc.addingProduct(a, b)` repeated in the documented
/// order from the documented start value, with taps on the zero padding read as 0.0.
/// A batch is its images one at a time. Use it to check a faster implementation, not to
/// train: it runs at well under one GFLOP/s.
package struct ReferenceKernels: ConvolutionKernels {
    /// One: the reference runs on the calling thread.
    package let threadCount = 1

    /// One item after the other, with these kernels.
    package func mapOnThreads<Result>(count: Int, _ body: (Int, any ConvolutionKernels) -> Result) -> [Result] {
        (0..<count).map { body($0, self) }
    }

    /// None: the reference kernels compute on the calling thread alone.
    package func sideJobs() -> SideJobs? { nil }

    /// The reference implementation (it has no settings).
    package init() {}

    /// Convolution with stride 1 and zero padding; see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·k²·Ho·Wo) fused multiply-adds.
    package func convolve(_ input: Tensor, weight: Tensor, bias: Tensor, padding: Int) -> Tensor {
        if input.shape.count == 4 {
            return Tensor(stacking: input.images().map { convolve($0, weight: weight, bias: bias, padding: padding) })
        }
        let g = ConvolutionGeometry(input: input.shape, weight: weight.shape, padding: padding)
        g.checkBias(bias.shape)
        let k = g.kernelSize
        return Self.tensor([g.outChannels, g.outputHeight, g.outputWidth]) { co, oy, ox in
            var acc = bias.scalars[co]
            for ci in 0..<g.inChannels {
                for kh in 0..<k {
                    for kw in 0..<k {
                        let w = weight.scalars[((co * g.inChannels + ci) * k + kh) * k + kw]
                        let x = input.valueOrZero(ci, oy + kh - padding, ox + kw - padding)
                        acc = acc.addingProduct(w, x)
                    }
                }
            }
            return acc
        }
    }

    /// The input gradient of a convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·k²·H·W) fused multiply-adds.
    package func convolveInputGradient(_ outputGradient: Tensor, weight: Tensor, padding: Int) -> Tensor {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape, padding: padding)
        let k = g.kernelSize
        let q = g.transposedPadding
        return Self.tensor([g.inChannels, g.inputHeight, g.inputWidth]) { ci, y, x in
            var acc: Float = 0
            for co in 0..<g.outChannels {
                for a in 0..<k {
                    for b in 0..<k {
                        // w'[ci, co, a, b] = w[co, ci, k-1-a, k-1-b]
                        let w = weight.scalars[((co * g.inChannels + ci) * k + (k - 1 - a)) * k + (k - 1 - b)]
                        let dy = outputGradient.valueOrZero(co, y + a - q, x + b - q)
                        acc = acc.addingProduct(w, dy)
                    }
                }
            }
            return acc
        }
    }

    /// The weight and bias gradients of a convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·k²·Ho·Wo) fused multiply-adds.
    package func convolveParameterGradients(_ outputGradient: Tensor, input: Tensor, kernelSize: Int,
                                           padding: Int) -> (weight: Tensor, bias: Tensor) {
        let g = ConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape,
                                    kernelSize: kernelSize, padding: padding)
        let k = kernelSize
        let weightGradient = Self.tensor([g.outChannels, g.inChannels, k, k]) { co, ci, tap in
            let (kh, kw) = tap.quotientAndRemainder(dividingBy: k)
            var acc: Float = 0
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    let dy = outputGradient.scalars[(co * g.outputHeight + oy) * g.outputWidth + ox]
                    let x = input.valueOrZero(ci, oy + kh - padding, ox + kw - padding)
                    acc = acc.addingProduct(dy, x)
                }
            }
            return acc
        }
        return (weightGradient, Self.biasGradient(outputGradient))
    }

    /// Transposed convolution (k 3, stride 2, no padding); see ``ConvolutionKernels``.
    /// - Complexity: O(Co·Ci·(2H+1)·(2W+1)) fused multiply-adds (2.25 taps per output on average).
    package func transposedConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        if input.shape.count == 4 {
            return Tensor(stacking: input.images().map { transposedConvolve($0, weight: weight, bias: bias) })
        }
        let g = TransposedConvolutionGeometry(input: input.shape, weight: weight.shape)
        g.checkBias(bias.shape)
        return Self.tensor([g.outChannels, g.outputHeight, g.outputWidth]) { co, oy, ox in
            var acc = bias.scalars[co]
            for ci in 0..<g.inChannels {
                // Only the taps with kh ≡ oy and kw ≡ ox (mod 2) reach this output.
                for kh in stride(from: oy % 2, to: 3, by: 2) {
                    for kw in stride(from: ox % 2, to: 3, by: 2) {
                        let w = weight.scalars[((ci * g.outChannels + co) * 3 + kh) * 3 + kw]
                        let x = input.valueOrZero(ci, (oy - kh) / 2, (ox - kw) / 2)
                        acc = acc.addingProduct(w, x)
                    }
                }
            }
            return acc
        }
    }

    /// The input gradient of a transposed convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·W) fused multiply-adds.
    package func transposedConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, weight: weight.shape)
        return Self.tensor([g.inChannels, g.inputHeight, g.inputWidth]) { ci, iy, ix in
            var acc: Float = 0
            for co in 0..<g.outChannels {
                for kh in 0..<3 {
                    for kw in 0..<3 {
                        let w = weight.scalars[((ci * g.outChannels + co) * 3 + kh) * 3 + kw]
                        let dy = outputGradient.valueOrZero(co, 2 * iy + kh, 2 * ix + kw)
                        acc = acc.addingProduct(w, dy)
                    }
                }
            }
            return acc
        }
    }

    /// The weight and bias gradients of a transposed convolution; see ``ConvolutionKernels``.
    /// - Complexity: O(Ci·Co·9·H·W) fused multiply-adds.
    package func transposedConvolveParameterGradients(_ outputGradient: Tensor,
                                                     input: Tensor) -> (weight: Tensor, bias: Tensor) {
        let g = TransposedConvolutionGeometry(outputGradient: outputGradient.shape, input: input.shape)
        let weightGradient = Self.tensor([g.inChannels, g.outChannels, 3, 3]) { ci, co, tap in
            let (kh, kw) = tap.quotientAndRemainder(dividingBy: 3)
            var acc: Float = 0
            for iy in 0..<g.inputHeight {
                for ix in 0..<g.inputWidth {
                    let x = input.scalars[(ci * g.inputHeight + iy) * g.inputWidth + ix]
                    let dy = outputGradient.valueOrZero(co, 2 * iy + kh, 2 * ix + kw)
                    acc = acc.addingProduct(x, dy)
                }
            }
            return acc
        }
        return (weightGradient, Self.biasGradient(outputGradient))
    }

    /// A tensor of `shape` (three or four dimensions) whose elements, in row-major order,
    /// are `element(i, j, l)`: i and j index the first two dimensions and l the rest.
    private static func tensor(_ shape: [Int], _ element: (Int, Int, Int) -> Float) -> Tensor {
        var scalars: [Float] = []
        scalars.reserveCapacity(shape.reduce(1, *))
        for i in 0..<shape[0] {
            for j in 0..<shape[1] {
                for l in 0..<shape[2...].reduce(1, *) {
                    scalars.append(element(i, j, l))
                }
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// `db[c]`: 0 plus every element of channel c of `outputGradient`, in row-major order.
    static func biasGradient(_ outputGradient: Tensor) -> Tensor {
        let channels = outputGradient.shape[0]
        let planeSize = outputGradient.shape[1] * outputGradient.shape[2]
        return Tensor(shape: [channels], scalars: (0..<channels).map { c in
            var acc: Float = 0
            for i in 0..<planeSize {
                acc += outputGradient.scalars[c * planeSize + i]
            }
            return acc
        })
    }
}

extension Tensor {
    /// Element `[channel, row, column]` of a `[C, H, W]` tensor, or 0 when the row or the
    /// column lies outside the tensor (the zero padding).
    func valueOrZero(_ channel: Int, _ row: Int, _ column: Int) -> Float {
        let height = shape[1], width = shape[2]
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        return scalars[(channel * height + row) * width + column]
    }
}
