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
                    path.tileKernels.winograd(.weightRows, lanes: inChannels, input: lanes.start + co * 9 * inChannels,
                                        inputStride: inChannels, output: u.start + co * inChannels,
                                        outputStride: outChannels * inChannels, outputLaneStride: 1)
                }
            }
        }
    }

    /// `V[t][c][q]` (or, `transposed`, `V[t][q][c]`): every 6 x 6 patch of `input` through
    /// `Bᵀ · d · B`, the tiles of an image in lanes.
    func transformedPatches(_ input: Tensor, problem: WinogradProblem, transposed: Bool) -> [Float] {
        let tiles = problem.tiles
        let (channels, columns) = (problem.inChannels, problem.columns)
        return [Float](count: WinogradTransform.points * channels * columns) { v in
            input.scalars.withReader { input in
                runner.run(taskCount: problem.images * channels) { task in
                    let (image, c) = task.quotientAndRemainder(dividingBy: channels)
                    let plane = input.start + (image * channels + c) * tiles.height * tiles.width
                    let q = problem.firstColumn(image: image)
                    Self.withSquares(of: tiles, side: 6) { patches in
                        tiles.gather(plane, side: 6, offset: -1, into: patches)
                        path.tileKernels.winograd(.inputRows, lanes: tiles.count, input: patches, inputStride: tiles.count,
                                            output: v.start + (transposed ? q * channels + c : c * columns + q),
                                            outputStride: channels * columns, outputLaneStride: transposed ? channels : 1)
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
        return [Float](count: WinogradTransform.points * channels * columns) { dm in
            outputGradient.scalars.withReader { gradient in
                runner.run(taskCount: channels) { co in
                    Self.withSquares(of: tiles, side: 4) { outputTiles in
                        tiles.gather(gradient.start + co * tiles.height * tiles.width, side: 4, offset: 0,
                                     into: outputTiles)
                        path.tileKernels.winograd(.outputColumns, lanes: tiles.count, input: outputTiles,
                                            inputStride: tiles.count, output: dm.start + co * columns,
                                            outputStride: channels * columns, outputLaneStride: 1)
                    }
                }
            }
        }
    }

    /// Calls `body` with scratch room for a `side x side` square of every tile of an image.
    private static func withSquares(of tiles: WinogradTiles, side: Int,
                                    _ body: (UnsafeMutablePointer<Float>) -> Void) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: side * side * tiles.count) { body($0.start) }
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
                    let plane = output.start + (image * channels + co) * tiles.height * tiles.width
                    let q = problem.firstColumn(image: image)
                    Self.withSquares(of: tiles, side: 4) { values in
                        path.tileKernels.winograd(.outputRows, lanes: tiles.count, input: m.start + co * columns + q,
                                            inputStride: channels * columns, output: values, outputStride: tiles.count, outputLaneStride: 1)
                        tiles.crop(values, adding: bias[co], into: plane)
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
        dv.withReader { dv in
            inputGradient.withWriter { gradient in
                runner.run(taskCount: channels) { ci in
                    Self.withSquares(of: tiles, side: 6) { patches in
                        path.tileKernels.winograd(.inputColumns, lanes: tiles.count, input: dv.start + ci * columns,
                                            inputStride: channels * columns, output: patches,
                                            outputStride: tiles.count, outputLaneStride: 1)
                        tiles.addPatches(patches, into: gradient.start + ci * tiles.height * tiles.width)
                    }
                }
            }
        }
    }

    /// The weight gradient `[Co, Ci, 3, 3]`: `Gᵀ · dU · G` for every pair, channels in lanes.
    func weightFromPoints(_ du: [Float], problem: WinogradProblem) -> Tensor {
        let (outChannels, inChannels) = (problem.outChannels, problem.inChannels)
        let scalars = [Float](count: outChannels * inChannels * 9) { weight in
            du.withReader { du in
                runner.run(taskCount: outChannels) { co in
                    var values = [Float](repeating: 0, count: 9 * inChannels)
                    values.withUnsafeMutableBufferPointer { values in
                        path.tileKernels.winograd(.weightColumns, lanes: inChannels, input: du.start + co * inChannels,
                                       inputStride: outChannels * inChannels, output: values.start,
                                       outputStride: inChannels, outputLaneStride: 1)
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
