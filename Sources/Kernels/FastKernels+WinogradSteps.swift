import KernelLoops

/// The steps of ``FastKernels``'s Winograd arithmetic around the banded passes: the
/// weight's transform, the layout copies, the weight gradient's transforms and its 36
/// products over tiles, and the input gradient's ordered sums. Each step writes into
/// scalars that its caller borrows (``ScratchBuffers``) and writes every one of them.
extension FastKernels {
    /// `U[t][co][ci]`: the weight `[Co, Ci, 3, 3]` through `G · w · Gᵀ`, input channels in
    /// lanes, one task per output channel; or, `transposed`, `U[t][ci][co]`, output
    /// channels in lanes, one task per input channel. Each point's matrix is contiguous, so
    /// that a product over channels reads it in order. Into `u`, `36·Co·Ci` scalars, and
    /// zeros after them (``productOperandCount(depth:columns:)`` in all).
    func transformWeight(_ weight: Tensor, transposed: Bool, into u: BufferWriter<Float>) {
        let (outChannels, inChannels) = (weight.shape[0], weight.shape[1])
        // Filter (row, lane) is weight[row·rowStride + lane·laneStride ..< +9].
        let (rows, lanes) = transposed ? (inChannels, outChannels) : (outChannels, inChannels)
        let (rowStride, laneStride) = transposed ? (9, 9 * inChannels) : (9 * inChannels, 9)
        let points = WinogradTransform.points
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
                    path.tileKernels.winograd(.weightRows, lanes: lanes, input: filters.start, inputRowStride: 3 * lanes,
                                              inputStride: lanes,
                                              output: u.start + row * lanes, outputStride: rows * lanes)
                }
            }
        }
        let transformed = points * outChannels * inChannels
        u.fill(u.count - transformed, with: 0, at: transformed)
    }

    /// The images of `tensor` (`[N, C, H, W]`, or one image `[C, H, W]`) channels last,
    /// padded to whole tiles: `[N][rows][columns][C]` for the sides of
    /// ``WinogradTiles/padded(margin:)``, element (y, x) of channel c at padded position
    /// (y + margin, x + margin), zero around the image. Into `padded`, one task per padded row.
    func channelsLast(_ tensor: Tensor, problem: WinogradProblem, channels: Int, margin: Int,
                      into padded: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (height, width) = tiles.padded(margin: margin)
        tensor.scalars.withReader { tensor in
            runner.run(taskCount: problem.images * height) { task in
                let (image, y) = task.quotientAndRemainder(dividingBy: height)
                let row = padded.start + task * width * channels
                guard (margin..<margin + tiles.height).contains(y) else {
                    row.update(repeating: 0, count: width * channels)
                    return
                }
                row.update(repeating: 0, count: margin * channels)
                (row + (tiles.width + margin) * channels).update(repeating: 0,
                                                                 count: (width - tiles.width - margin) * channels)
                TransposedBlocks.copy(rows: channels, columns: tiles.width,
                                      from: tensor.start + (image * channels * tiles.height + y - margin) * tiles.width,
                                      sourceStride: tiles.height * tiles.width, to: row + margin * channels,
                                      targetStride: channels)
            }
        }
    }

    /// The tiles of tile rows `rows` of an image laid out channels last
    /// (``channelsLast(_:problem:channels:margin:into:)``: `image`, `rowStride` scalars a row,
    /// `channels` lanes), each through `step` from the square whose corner is the image's
    /// element `(4·ty, 4·tx)`: tile i of the run, in row-major order, goes to
    /// `output + i·tileStride`, its points `pointStride` apart.
    func transformTiles(_ step: WinogradStep, rows: Range<Int>, problem: WinogradProblem, image: UnsafePointer<Float>,
                        rowStride: Int, channels: Int, into output: UnsafeMutablePointer<Float>, tileStride: Int,
                        pointStride: Int) {
        var tile = output
        for ty in rows {
            for tx in 0..<problem.tiles.columns {
                path.tileKernels.winograd(step, lanes: channels, input: image + 4 * ty * rowStride + 4 * tx * channels,
                                          inputRowStride: rowStride, inputStride: channels, output: tile,
                                          outputStride: pointStride)
                tile += tileStride
            }
        }
    }

    /// `Vᵀ[t][q][c]`: every 6 x 6 patch through `Bᵀ · d · B`, the channels in lanes, read
    /// from the images of ``channelsLast(_:problem:channels:margin:into:)`` with margin 1;
    /// one task per row of tiles. Into `vt`, `36·columns·Ci` scalars.
    func transformPatches(_ padded: BufferReader<Float>, problem: WinogradProblem, into vt: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (channels, columns) = (problem.inChannels, problem.columns)
        let rowStride = tiles.padded(margin: 1).columns * channels
        runner.run(taskCount: problem.images * tiles.rows) { task in
            let (image, ty) = task.quotientAndRemainder(dividingBy: tiles.rows)
            transformTiles(.inputRows, rows: ty..<ty + 1, problem: problem,
                           image: padded.start + image * tiles.paddedCount(margin: 1) * channels, rowStride: rowStride,
                           channels: channels,
                           into: vt.start + (problem.firstColumn(image: image) + ty * tiles.columns) * channels,
                           tileStride: channels, pointStride: columns * channels)
        }
    }

    /// `dMᵀ[t][q][co]`: every 4 x 4 tile of the output gradient through `A · dy · Aᵀ`, the
    /// channels in lanes, read from ``channelsLast(_:problem:channels:margin:into:)`` with
    /// margin 0; one task per row of tiles. Into `dmt`, `36·columns·Co` scalars.
    func transformOutputTiles(_ padded: BufferReader<Float>, problem: WinogradProblem,
                              into dmt: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (channels, columns) = (problem.outChannels, problem.columns)
        runner.run(taskCount: tiles.rows) { ty in
            transformTiles(.outputColumns, rows: ty..<ty + 1, problem: problem, image: padded.start,
                           rowStride: tiles.padded(margin: 0).columns * channels, channels: channels,
                           into: dmt.start + ty * tiles.columns * channels, tileStride: channels,
                           pointStride: columns * channels)
        }
    }

    /// The scalars of a product's operand of `36·depth·columns` scalars that the register
    /// tiles read as whole vectors (``transformWeight(_:transposed:into:)``,
    /// ``pointProducts(a:rows:rowStride:depthStride:pointStride:depth:b:bRowStride:bPointStride:columns:into:)``):
    /// they read past its last column.
    static func productOperandCount(depth: Int, columns: Int) -> Int {
        WinogradTransform.points * depth * columns + TileShape.maximumColumns
    }

    /// For each point t, `out[m][t][q] = Σ_k A_t[m][k] · B_t[k][q]`, one chain from 0 over k
    /// ascending: `A_t[m][k] = a[t·pointStride + m·rowStride + k·depthStride]`,
    /// `B_t[k][q] = b[t·bPointStride + k·bRowStride + q]`. `b` holds
    /// ``productOperandCount(depth:columns:)`` scalars; those past its `36·depth·columns`
    /// are set to 0 here.
    /// Into `output`, `[rows][36][columns]`.
    func pointProducts(a: BufferReader<Float>, rows: Int, rowStride: Int, depthStride: Int, pointStride: Int,
                       depth: Int, b: BufferWriter<Float>, bRowStride: Int, bPointStride: Int, columns: Int,
                       into output: BufferWriter<Float>) {
        let points = WinogradTransform.points
        let operandCount = points * depth * columns
        b.fill(b.count - operandCount, with: 0, at: operandCount)
        let products = (0..<points).map { t in
            TapProduct(matrix: WeightMatrix(rows: rows, rowStride: rowStride, channels: depth,
                                            channelStride: depthStride, tapOffsets: [t * pointStride]),
                       layout: TapLayout(channels: depth, channelStride: bRowStride, rowStride: columns,
                                         tapOffsets: [t * bPointStride], gridHeight: 1, gridWidth: columns),
                       placement: OutputPlacement(imageStride: 0, channelStride: points * columns, rowStep: 0,
                                                  columnStep: 1, offset: t * columns))
        }
        TapProduct.compute(products, weight: a, source: b.reader, starts: nil, into: output, kernels: self)
    }

    /// The input gradient, channels last with margin 1 (as
    /// ``channelsLast(_:problem:channels:margin:into:)`` lays an image out): every tile's
    /// patch `[tile][a·6 + b][ci]` (``bandedPatches(_:u:problem:into:)``) added into its
    /// positions, tiles in row-major order, from 0. One task per eight channels.
    func addPatches(_ patches: BufferReader<Float>, problem: WinogradProblem, into gradient: BufferWriter<Float>) {
        let tiles = problem.tiles
        let channels = problem.inChannels
        let rowStride = tiles.padded(margin: 1).columns * channels
        gradient.fill(gradient.count, with: 0, at: 0)
        let groupSize = 8
        runner.run(taskCount: (channels + groupSize - 1) / groupSize) { group in
            let (first, lanes) = (group * groupSize, min(groupSize, channels - group * groupSize))
            var patch = patches.start + first
            for (ty, tx) in tiles.positions {
                for a in 0..<6 {
                    for b in 0..<6 {
                        let target = gradient.start + (4 * ty + a) * rowStride + (4 * tx + b) * channels + first
                        let source = patch + (a * 6 + b) * channels
                        guard lanes == groupSize else {
                            for lane in 0..<lanes {
                                target[lane] = target[lane] + source[lane]
                            }
                            continue
                        }
                        let sum = UnsafeRawPointer(target).loadUnaligned(as: SIMD8<Float>.self)
                            + UnsafeRawPointer(source).loadUnaligned(as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(target).storeBytes(of: sum, as: SIMD8<Float>.self)
                    }
                }
                patch += WinogradTransform.points * channels
            }
        }
    }

    /// The image `[C, H, W]` inside `padded`, laid out channels last with margin 1 (see
    /// ``channelsLast(_:problem:channels:margin:into:)``), one task per row.
    func channelsFirst(_ padded: BufferReader<Float>, problem: WinogradProblem, channels: Int) -> Tensor {
        let tiles = problem.tiles
        let rowStride = tiles.padded(margin: 1).columns * channels
        let scalars = [Float](count: channels * tiles.height * tiles.width) { image in
            runner.run(taskCount: tiles.height) { y in
                TransposedBlocks.copy(rows: tiles.width, columns: channels,
                                      from: padded.start + (y + 1) * rowStride + channels, sourceStride: channels,
                                      to: image.start + y * tiles.width, targetStride: tiles.height * tiles.width)
            }
        }
        return Tensor(shape: [channels, tiles.height, tiles.width], scalars: scalars)
    }

    /// The weight gradient `[Co, Ci, 3, 3]`: `Gᵀ · dU · G` for every pair, from `dU[co][t][ci]`,
    /// input channels in lanes.
    func weightFromPoints(_ du: BufferReader<Float>, problem: WinogradProblem) -> Tensor {
        let (outChannels, inChannels) = (problem.outChannels, problem.inChannels)
        let points = WinogradTransform.points
        let scalars = [Float](count: outChannels * inChannels * 9) { weight in
            runner.run(taskCount: outChannels) { co in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 9 * inChannels) { values in
                    path.tileKernels.winograd(.weightColumns, lanes: inChannels,
                                              input: du.start + co * points * inChannels,
                                              inputRowStride: 6 * inChannels, inputStride: inChannels,
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
        return Tensor(shape: [outChannels, inChannels, 3, 3], scalars: scalars)
    }
}
