/// The steps of ``FastKernels``'s Winograd arithmetic: transforms of whole channels per
/// task, and the 36 products over points.
extension FastKernels {
    /// `U[co][t][ci]`: the weight `[Co, Ci, 3, 3]` through `G · w · Gᵀ`, input channels in
    /// lanes, one task per output channel; or, `transposed`, `U[ci][t][co]`, output
    /// channels in lanes, one task per input channel.
    func transformedWeight(_ weight: Tensor, transposed: Bool) -> [Float] {
        let (outChannels, inChannels) = (weight.shape[0], weight.shape[1])
        // Filter (row, lane) is weight[row·rowStride + lane·laneStride ..< +9].
        let (rows, lanes) = transposed ? (inChannels, outChannels) : (outChannels, inChannels)
        let (rowStride, laneStride) = transposed ? (9, 9 * inChannels) : (9 * inChannels, 9)
        let points = WinogradTransform.points
        return [Float](count: rows * points * lanes) { u in
            weight.scalars.withReader { weight in
                runner.run(taskCount: rows) { row in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: 9 * lanes) { filters in
                        // filters[e][lane]: element e of filter (row, lane), the lanes contiguous.
                        for lane in 0..<lanes {
                            let filter = weight.start + row * rowStride + lane * laneStride
                            for e in 0..<9 {
                                filters[e * lanes + lane] = filter[e]
                            }
                        }
                        path.tileKernels.winograd(.weightRows, lanes: lanes, input: filters.start, inputStride: lanes,
                                                  output: u.start + row * points * lanes, outputStride: lanes)
                    }
                }
            }
        }
    }

    /// `V[t][c][q]`: every 6 x 6 patch of `input` through `Bᵀ · d · B`, the tiles of an
    /// image in lanes.
    func transformedPatches(_ input: Tensor, problem: WinogradProblem) -> [Float] {
        let tiles = problem.tiles
        let (channels, columns) = (problem.inChannels, problem.columns)
        return [Float](count: WinogradTransform.points * channels * columns) { v in
            input.scalars.withReader { input in
                runner.run(taskCount: problem.images * channels) { task in
                    let (image, c) = task.quotientAndRemainder(dividingBy: channels)
                    let plane = input.start + (image * channels + c) * tiles.height * tiles.width
                    Self.withSquares(of: tiles, side: 6) { patches in
                        tiles.gather(plane, side: 6, offset: -1, into: patches)
                        path.tileKernels.winograd(.inputRows, lanes: tiles.count, input: patches,
                                                  inputStride: tiles.count,
                                                  output: v.start + c * columns + problem.firstColumn(image: image),
                                                  outputStride: channels * columns)
                    }
                }
            }
        }
    }

    /// `Vᵀ[t][q][c]`: the patches of ``transformedPatches(_:problem:)`` with the channels in
    /// lanes, one task per row of tiles.
    func transposedPatches(_ input: Tensor, problem: WinogradProblem) -> [Float] {
        let tiles = problem.tiles
        let (channels, columns) = (problem.inChannels, problem.columns)
        let imageSize = channels * tiles.height * tiles.width
        return [Float](count: WinogradTransform.points * columns * channels) { vt in
            input.scalars.withReader { input in
                runner.run(taskCount: problem.images * tiles.rows) { task in
                    let (image, ty) = task.quotientAndRemainder(dividingBy: tiles.rows)
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: 36 * channels) { patch in
                        for tx in 0..<tiles.columns {
                            tiles.gatherPatch(ty, tx, channels: channels, of: input.start + image * imageSize,
                                              into: patch.start)
                            let q = problem.firstColumn(image: image) + ty * tiles.columns + tx
                            path.tileKernels.winograd(.inputRows, lanes: channels, input: patch.start,
                                                      inputStride: channels, output: vt.start + q * channels,
                                                      outputStride: columns * channels)
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
        return [Float](count: WinogradTransform.points * channels * columns) { dm in
            outputGradient.scalars.withReader { gradient in
                runner.run(taskCount: channels) { co in
                    Self.withSquares(of: tiles, side: 4) { outputTiles in
                        tiles.gather(gradient.start + co * tiles.height * tiles.width, side: 4, offset: 0,
                                     into: outputTiles)
                        path.tileKernels.winograd(.outputColumns, lanes: tiles.count, input: outputTiles,
                                                  inputStride: tiles.count, output: dm.start + co * columns,
                                                  outputStride: channels * columns)
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
    /// - Returns: `[36][rows][columns]`, or, with `pointsInRows`, `[rows][36][columns]`.
    func pointProducts(a: [Float], rows: Int, rowStride: Int, depthStride: Int, pointStride: Int, depth: Int,
                       b: [Float], bRowStride: Int, bPointStride: Int, columns: Int,
                       pointsInRows: Bool = false) -> [Float] {
        let points = WinogradTransform.points
        let source = PlaneBuffer(matrixRows: b, rowLength: bRowStride)
        let products = (0..<points).map { t in
            TapProduct(matrix: WeightMatrix(rows: rows, rowStride: rowStride, channels: depth,
                                            channelStride: depthStride, tapOffsets: [t * pointStride]),
                       layout: TapLayout(channels: depth, channelStride: bRowStride, rowStride: columns,
                                         tapOffsets: [t * bPointStride], gridHeight: 1, gridWidth: columns),
                       placement: OutputPlacement(imageStride: 0,
                                                  channelStride: pointsInRows ? points * columns : columns,
                                                  rowStep: 0, columnStep: 1,
                                                  offset: pointsInRows ? t * columns : t * rows * columns))
        }
        var output = [Float](repeating: 0, count: points * rows * columns)
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
                                                  inputStride: channels * columns, output: values,
                                                  outputStride: tiles.count)
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
                                                  outputStride: tiles.count)
                        tiles.addPatches(patches, into: gradient.start + ci * tiles.height * tiles.width)
                    }
                }
            }
        }
    }

    /// The weight gradient `[Co, Ci, 3, 3]`: `Gᵀ · dU · G` for every pair, from `dU[co][t][ci]`,
    /// input channels in lanes.
    func weightFromPoints(_ du: [Float], problem: WinogradProblem) -> Tensor {
        let (outChannels, inChannels) = (problem.outChannels, problem.inChannels)
        let points = WinogradTransform.points
        let scalars = [Float](count: outChannels * inChannels * 9) { weight in
            du.withReader { du in
                runner.run(taskCount: outChannels) { co in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: 9 * inChannels) { values in
                        path.tileKernels.winograd(.weightColumns, lanes: inChannels,
                                                  input: du.start + co * points * inChannels, inputStride: inChannels,
                                                  output: values.start, outputStride: inChannels)
                        let filters = weight.start + co * inChannels * 9
                        for ci in 0..<inChannels {
                            for e in 0..<9 {
                                filters[ci * 9 + e] = values[e * inChannels + ci]
                            }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [outChannels, inChannels, 3, 3], scalars: scalars)
    }
}
