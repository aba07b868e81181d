/// Winograd's arithmetic (``WinogradTransform``) in products, with the bits of
/// ``ReferenceKernels``: the transforms run eight tiles (or channels) at a time in vectors
/// compiled for the kernel path (``KernelLoops/WinogradLanes``), each task owning whole
/// channels (the weight gradient's patches: a row of tiles, channels in lanes); the 36
/// products over channels, or over tiles for the weight gradient, are ``TapProduct``s in
/// one parallel run, every element one chain computed by one lane of one register tile. The
/// tiles of every image of a batch are the columns of one product, so that the small images
/// of the deep layers fill its tiles.
extension FastKernels {
    /// See ``ConvolutionKernels/winogradConvolve(_:weight:bias:)``.
    package func winogradConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        let shape = input.imageShape()
        guard WinogradTransform.applies(height: shape[1], width: shape[2]) else {
            return convolve(input, weight: weight, bias: bias, padding: 1)
        }
        let problem = WinogradProblem(inChannels: shape[0], outChannels: weight.shape[0], images: input.imageCount(),
                                      tiles: WinogradTiles(height: shape[1], width: shape[2]))
        precondition(weight.shape == [problem.outChannels, problem.inChannels, 3, 3] && bias.shape == [problem.outChannels],
                     "weight \(weight.shape) and bias \(bias.shape) do not fit input \(input.shape)")
        let points = WinogradTransform.points
        let u = transformedWeight(weight, transposed: false)
        let v = transformedPatches(input, problem: problem)
        // M[t][co][q] = Σ_ci U[co][t][ci] · V[t][ci][q]
        let m = pointProducts(a: u, rows: problem.outChannels, rowStride: points * problem.inChannels, depthStride: 1,
                              pointStride: problem.inChannels, depth: problem.inChannels,
                              b: v, bRowStride: problem.columns, bPointStride: problem.inChannels * problem.columns,
                              columns: problem.columns)
        var output = Tensor(shape: input.batchShape([problem.outChannels, shape[1], shape[2]]))
        outputTiles(m, problem: problem, bias: bias.scalars, into: &output.scalars)
        return output
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
        let ut = transformedWeight(weight, transposed: true)
        let dm = transformedOutputTiles(outputGradient, problem: problem)
        // dV[t][ci][q] = Σ_co Uᵀ[ci][t][co] · dM[t][co][q]
        let dv = pointProducts(a: ut, rows: problem.inChannels, rowStride: points * problem.outChannels,
                               depthStride: 1, pointStride: problem.outChannels, depth: problem.outChannels,
                               b: dm, bRowStride: problem.columns, bPointStride: problem.outChannels * problem.columns,
                               columns: problem.columns)
        var inputGradient = Tensor(shape: [problem.inChannels, shape[1], shape[2]])
        addPatches(dv, problem: problem, into: &inputGradient.scalars)
        return inputGradient
    }

    /// See ``ConvolutionKernels/winogradConvolveParameterGradients(_:input:)``.
    package func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                                    input: Tensor) -> (weight: Tensor, bias: Tensor) {
        guard WinogradTransform.applies(height: input.shape[1], width: input.shape[2]) else {
            return convolveParameterGradients(outputGradient, input: input, kernelSize: 3, padding: 1)
        }
        let problem = WinogradProblem(inChannels: input.shape[0], outChannels: outputGradient.shape[0], images: 1,
                                      tiles: WinogradTiles(height: input.shape[1], width: input.shape[2]))
        let dm = transformedOutputTiles(outputGradient, problem: problem)
        let vt = transposedPatches(input, problem: problem)
        // dU[co][t][ci] = Σ_q dM[t][co][q] · Vᵀ[t][q][ci]
        let du = pointProducts(a: dm, rows: problem.outChannels, rowStride: problem.columns, depthStride: 1,
                               pointStride: problem.outChannels * problem.columns, depth: problem.columns,
                               b: vt, bRowStride: problem.inChannels,
                               bPointStride: problem.columns * problem.inChannels, columns: problem.inChannels,
                               pointsInRows: true)
        return (weightFromPoints(du, problem: problem), biasGradient(outputGradient))
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
