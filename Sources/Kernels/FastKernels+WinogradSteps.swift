/// The steps of ``FastKernels``'s Winograd arithmetic: transforms of whole channels per
/// task, and the 36 products over points.
extension FastKernels {
    /// `U[t][co][ci]`: the weight `[Co, Ci, 3, 3]` through `G · w · Gᵀ`, channels in lanes.
    func transformedWeight(_ weight: Tensor) -> [Float] {
        let (outChannels, inChannels) = (weight.shape[0], weight.shape[1])
        // wᵀ[co][e][ci] = w[co][ci][e], so that the lanes (ci) are contiguous.
        var lanes = [Float](repeating: 0, count: weight.scalars.count)
        for co in 0..<outChannels {
            for ci in 0..<inChannels {
                for e in 0..<9 {
                    lanes[(co * 9 + e) * inChannels + ci] = weight.scalars[(co * inChannels + ci) * 9 + e]
                }
            }
        }
        let points = WinogradTransform.points
        return [Float](count: points * outChannels * inChannels) { u in
            lanes.withReader { lanes in
                runner.run(taskCount: outChannels) { co in
                    WinogradTransform.weight.apply(lanes: inChannels, input: lanes.start + co * 9 * inChannels,
                                                   inputStride: inChannels, output: u.start + co * inChannels,
                                                   outputStride: outChannels * inChannels)
                }
            }
        }
    }

    /// `V[t][c][q]` (or, `transposed`, `V[t][q][c]`): every 6 x 6 patch of `input` through
    /// `Bᵀ · d · B`, the tiles of a tile row in lanes.
    func transformedPatches(_ input: Tensor, channels: Int, problem: WinogradProblem, transposed: Bool) -> [Float] {
        let tiles = problem.tiles
        let columns = problem.columns
        return [Float](count: WinogradTransform.points * channels * columns) { v in
            input.scalars.withReader { input in
                runner.run(taskCount: problem.images * channels) { task in
                    let (image, c) = task.quotientAndRemainder(dividingBy: channels)
                    let plane = input.start + (image * channels + c) * tiles.height * tiles.width
                    var patches = [Float](repeating: 0, count: 36 * tiles.columns)
                    for ty in 0..<tiles.rows {
                        tiles.gather(plane, side: 6, top: 4 * ty - 1, leftOfFirst: -1, into: &patches)
                        let q = problem.firstColumn(image: image, tileRow: ty)
                        patches.withUnsafeBufferPointer { patches in
                            WinogradTransform.input.apply(
                                lanes: tiles.columns, input: patches.start, inputStride: tiles.columns,
                                output: v.start + (transposed ? q * channels + c : c * columns + q),
                                outputStride: channels * columns, outputLaneStride: transposed ? channels : 1)
                        }
                    }
                }
            }
        }
    }

    /// `dM[t][co][q]`: every 4 x 4 tile of the output gradient `[Co, H, W]` through
    /// `A · dy · Aᵀ`.
    func transformedOutputTiles(_ outputGradient: Tensor, problem: WinogradProblem) -> [Float] {
        let tiles = problem.tiles
        let (channels, columns) = (problem.outChannels, problem.columns)
        let toPoints = WinogradTransform.output.transposed
        return [Float](count: WinogradTransform.points * channels * columns) { dm in
            outputGradient.scalars.withReader { gradient in
                runner.run(taskCount: channels) { co in
                    let plane = gradient.start + co * tiles.height * tiles.width
                    var outputTiles = [Float](repeating: 0, count: 16 * tiles.columns)
                    for ty in 0..<tiles.rows {
                        tiles.gather(plane, side: 4, top: 4 * ty, leftOfFirst: 0, into: &outputTiles)
                        outputTiles.withUnsafeBufferPointer { outputTiles in
                            toPoints.apply(lanes: tiles.columns, input: outputTiles.start, inputStride: tiles.columns,
                                           output: dm.start + co * columns + ty * tiles.columns,
                                           outputStride: channels * columns)
                        }
                    }
                }
            }
        }
    }

    /// For each point t, `out[t][m][q] = Σ_k A_t[m][k] · B_t[k][q]`, one chain from 0 over k
    /// ascending: `A_t[m][k] = a[t·pointStride + m·rowStride + k·depthStride]`,
    /// `B_t[k][q] = b[t·bPointStride + k·bRowStride + q]`.
    /// - Returns: `[36][rows][columns]`.
    func pointProducts(a: [Float], rows: Int, rowStride: Int, depthStride: Int, pointStride: Int, depth: Int,
                       b: [Float], bRowStride: Int, bPointStride: Int, columns: Int) -> [Float] {
        let source = PlaneBuffer(matrixRows: b, rowLength: bRowStride)
        let products = (0..<WinogradTransform.points).map { t in
            TapProduct(matrix: WeightMatrix(rows: rows, rowStride: rowStride, channels: depth,
                                            channelStride: depthStride, tapOffsets: [t * pointStride]),
                       layout: TapLayout(channels: depth, channelStride: bRowStride, rowStride: columns,
                                         tapOffsets: [t * bPointStride], gridHeight: 1, gridWidth: columns),
                       placement: OutputPlacement(imageStride: 0, channelStride: columns, rowStep: 0, columnStep: 1,
                                                  offset: t * rows * columns))
        }
        var output = [Float](repeating: 0, count: WinogradTransform.points * rows * columns)
        TapProduct.compute(products, weight: a, source: source, starts: nil, into: &output, kernels: self)
        return output
    }

    /// The output `[N, Co, H, W]`: `Aᵀ · M · A + bias` of every tile, cropped to the image.
    func outputTiles(_ m: [Float], problem: WinogradProblem, bias: [Float], into output: inout [Float]) {
        let tiles = problem.tiles
        let (channels, columns) = (problem.outChannels, problem.columns)
        m.withReader { m in
            output.withWriter { output in
                runner.run(taskCount: problem.images * channels) { task in
                    let (image, co) = task.quotientAndRemainder(dividingBy: channels)
                    let plane = (image * channels + co) * tiles.height * tiles.width
                    var values = [Float](repeating: 0, count: 16 * tiles.columns)
                    for ty in 0..<tiles.rows {
                        let q = problem.firstColumn(image: image, tileRow: ty)
                        values.withUnsafeMutableBufferPointer { values in
                            WinogradTransform.output.apply(lanes: tiles.columns, input: m.start + co * columns + q,
                                                           inputStride: channels * columns, output: values.start,
                                                           outputStride: tiles.columns)
                        }
                        for tx in 0..<tiles.columns {
                            tiles.forEachOutput(ty, tx) { i, j, y, x in
                                output[plane + y * tiles.width + x] = values[(i * 4 + j) * tiles.columns + tx] + bias[co]
                            }
                        }
                    }
                }
            }
        }
    }

    /// The input gradient `[Ci, H, W]`: `B · dV · Bᵀ` of every tile added into its patch's
    /// positions inside the image, tiles in row-major order, from 0.
    func addPatches(_ dv: [Float], problem: WinogradProblem, into inputGradient: inout [Float]) {
        let tiles = problem.tiles
        let (channels, columns) = (problem.inChannels, problem.columns)
        let toPatch = WinogradTransform.input.transposed
        dv.withReader { dv in
            inputGradient.withWriter { gradient in
                runner.run(taskCount: channels) { ci in
                    let plane = ci * tiles.height * tiles.width
                    var patches = [Float](repeating: 0, count: 36 * tiles.columns)
                    for ty in 0..<tiles.rows {
                        patches.withUnsafeMutableBufferPointer { patches in
                            toPatch.apply(lanes: tiles.columns, input: dv.start + ci * columns + ty * tiles.columns,
                                          inputStride: channels * columns, output: patches.start,
                                          outputStride: tiles.columns)
                        }
                        for tx in 0..<tiles.columns {
                            tiles.forEachPatchElement(ty, tx) { a, b, y, x in
                                gradient[plane + y * tiles.width + x] += patches[(a * 6 + b) * tiles.columns + tx]
                            }
                        }
                    }
                }
            }
        }
    }

    /// The weight gradient `[Co, Ci, 3, 3]`: `Gᵀ · dU · G` for every pair, channels in lanes.
    func weightFromPoints(_ du: [Float], problem: WinogradProblem) -> Tensor {
        let (outChannels, inChannels) = (problem.outChannels, problem.inChannels)
        let toWeight = WinogradTransform.weight.transposed
        let scalars = [Float](count: outChannels * inChannels * 9) { weight in
            du.withReader { du in
                runner.run(taskCount: outChannels) { co in
                    var values = [Float](repeating: 0, count: 9 * inChannels)
                    values.withUnsafeMutableBufferPointer { values in
                        toWeight.apply(lanes: inChannels, input: du.start + co * inChannels,
                                       inputStride: outChannels * inChannels, output: values.start,
                                       outputStride: inChannels)
                    }
                    for ci in 0..<inChannels {
                        for e in 0..<9 {
                            weight[(co * inChannels + ci) * 9 + e] = values[e * inChannels + ci]
                        }
                    }
                }
            }
        }
        return Tensor(shape: [outChannels, inChannels, 3, 3], scalars: scalars)
    }
}
