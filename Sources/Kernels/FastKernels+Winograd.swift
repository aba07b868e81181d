/// Winograd's arithmetic (``WinogradTransform``) in products, with the bits of
/// ``ReferenceKernels``. The images are first laid out channels last, padded to whole
/// tiles, so that the transforms (``KernelLoops/WinogradLanes``, compiled for the kernel
/// path) read and write the channels of a tile as whole vectors. The forward pass and the
/// input gradient take a band of tile rows per task through their transforms and their
/// products over channels (``bandedForward(_:ut:problem:bias:into:)``,
/// ``bandedPatches(_:u:problem:into:)``); the weight gradient transforms one row of tiles
/// per task and computes its 36 products over tiles as ``TapProduct``s in one parallel run.
/// Every element is one chain computed by one lane of one register tile. The intermediate
/// arrays are borrowed from ``ScratchBuffers``; the forward pass's transformed weight is
/// one that a ``WinogradWeight`` carries (``winogradWeight(_:)``) or one made for the call.
extension FastKernels {
    /// See ``ConvolutionKernels/winogradConvolve(_:weight:bias:)``.
    package func winogradConvolve(_ input: Tensor, weight: WinogradWeight, bias: Tensor) -> Tensor {
        let shape = input.imageShape()
        guard WinogradTransform.applies(height: shape[1], width: shape[2]) else {
            return convolve(input, weight: weight.weight, bias: bias, padding: 1)
        }
        let problem = WinogradProblem(inChannels: shape[0], outChannels: weight.weight.shape[0],
                                      images: input.imageCount(), tiles: WinogradTiles(height: shape[1], width: shape[2]))
        precondition(weight.weight.shape == [problem.outChannels, problem.inChannels, 3, 3]
                     && bias.shape == [problem.outChannels],
                     "weight \(weight.weight.shape) and bias \(bias.shape) do not fit input \(input.shape)")
        let paddedCount = problem.images * problem.tiles.paddedCount(margin: 1) * problem.inChannels
        let scalars = withTransposedPoints(of: weight) { ut in
            ScratchBuffers.shared.borrow([paddedCount]) { scratch in
                let padded = scratch[0]
                channelsLast(input, problem: problem, channels: problem.inChannels, margin: 1, into: padded)
                return [Float](count: problem.images * problem.outChannels * shape[1] * shape[2]) { output in
                    bandedForward(padded.reader, ut: ut, problem: problem, bias: bias.scalars, into: output)
                }
            }
        }
        return Tensor(shape: input.batchShape([problem.outChannels, shape[1], shape[2]]), scalars: scalars)
    }

    /// See ``ConvolutionKernels/winogradWeight(_:)``: the weight with its transform for the
    /// forward products, `U[t][ci][co]`.
    package func winogradWeight(_ weight: Tensor) -> WinogradWeight {
        let points = [Float](count: Self.productOperandCount(depth: weight.shape[1], columns: weight.shape[0])) { ut in
            transformWeight(weight, transposed: true, into: ut)
        }
        return WinogradWeight(weight, transposedPoints: points)
    }

    /// `body` with the forward products' `U[t][ci][co]` of `weight`: the transform it carries,
    /// or one made into a borrowed buffer for this call.
    private func withTransposedPoints<Result>(of weight: WinogradWeight,
                                              _ body: (BufferReader<Float>) -> Result) -> Result {
        if let points = weight.transposedPoints {
            return points.withReader(body)
        }
        let count = Self.productOperandCount(depth: weight.weight.shape[1], columns: weight.weight.shape[0])
        return ScratchBuffers.shared.borrow([count]) { scratch in
            transformWeight(weight.weight, transposed: true, into: scratch[0])
            return body(scratch[0].reader)
        }
    }

    /// See ``ConvolutionKernels/winogradConvolveInputGradient(_:weight:)``.
    package func winogradConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        let shape = outputGradient.shape
        guard WinogradTransform.applies(height: shape[1], width: shape[2]) else {
            return convolveInputGradient(outputGradient, weight: weight, padding: 1)
        }
        let problem = WinogradProblem(inChannels: weight.shape[1], outChannels: weight.shape[0], images: 1,
                                      tiles: WinogradTiles(height: shape[1], width: shape[2]))
        let points = WinogradTransform.points
        let (inChannels, outChannels) = (problem.inChannels, problem.outChannels)
        let counts = [Self.productOperandCount(depth: outChannels, columns: inChannels),
                      problem.tiles.paddedCount(margin: 0) * outChannels, problem.columns * points * inChannels,
                      problem.tiles.paddedCount(margin: 1) * inChannels]
        return ScratchBuffers.shared.borrow(counts) { scratch in
            let (u, padded, patches, gradient) = (scratch[0], scratch[1], scratch[2], scratch[3])
            transformWeight(weight, transposed: false, into: u)
            channelsLast(outputGradient, problem: problem, channels: outChannels, margin: 0, into: padded)
            bandedPatches(padded.reader, u: u.reader, problem: problem, into: patches)
            addPatches(patches.reader, problem: problem, into: gradient)
            return channelsFirst(gradient.reader, problem: problem, channels: inChannels)
        }
    }

    /// See ``ConvolutionKernels/winogradConvolveParameterGradients(_:input:)``.
    package func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                                    input: Tensor) -> (weight: Tensor, bias: Tensor) {
        guard WinogradTransform.applies(height: input.shape[1], width: input.shape[2]) else {
            return convolveParameterGradients(outputGradient, input: input, kernelSize: 3, padding: 1)
        }
        let problem = WinogradProblem(inChannels: input.shape[0], outChannels: outputGradient.shape[0], images: 1,
                                      tiles: WinogradTiles(height: input.shape[1], width: input.shape[2]))
        let points = WinogradTransform.points
        let (inChannels, outChannels, columns) = (problem.inChannels, problem.outChannels, problem.columns)
        let counts = [problem.tiles.paddedCount(margin: 0) * outChannels, points * columns * outChannels,
                      problem.tiles.paddedCount(margin: 1) * inChannels,
                      Self.productOperandCount(depth: columns, columns: inChannels), points * outChannels * inChannels]
        let weightGradient = ScratchBuffers.shared.borrow(counts) { scratch in
            let (paddedGradient, dmt, paddedInput, vt, du) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
            channelsLast(outputGradient, problem: problem, channels: outChannels, margin: 0, into: paddedGradient)
            transformOutputTiles(paddedGradient.reader, problem: problem, into: dmt)
            channelsLast(input, problem: problem, channels: inChannels, margin: 1, into: paddedInput)
            transformPatches(paddedInput.reader, problem: problem, into: vt)
            // dU[co][t][ci] = Σ_q dMᵀ[t][q][co] · Vᵀ[t][q][ci]
            pointProducts(a: dmt.reader, rows: outChannels, rowStride: 1, depthStride: outChannels,
                          pointStride: columns * outChannels, depth: columns, b: vt, bRowStride: inChannels,
                          bPointStride: columns * inChannels, columns: inChannels, into: du)
            return weightFromPoints(du.reader, problem: problem)
        }
        return (weightGradient, biasGradient(outputGradient))
    }
}

/// The sizes of one Winograd convolution: its channels and its tiles, which are the
/// columns of its products (every image's tiles in row-major order, image after image).
struct WinogradProblem {
    /// Input channels.
    let inChannels: Int
    /// Output channels.
    let outChannels: Int
    /// Images of the batch.
    let images: Int
    /// The tiles of one image.
    let tiles: WinogradTiles

    /// Columns of the products: every tile of every image.
    var columns: Int { images * tiles.count }

    /// The column of image `image`'s first tile.
    func firstColumn(image: Int) -> Int {
        image * tiles.count
    }
}
