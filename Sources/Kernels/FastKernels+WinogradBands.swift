import KernelLoops

/// Winograd's forward convolution a band of tile rows at a time: each task takes its band's
/// patches through `Bᵀ · d · B`, computes the band's 36 products and takes them through
/// `Aᵀ · M · A` into the output planes, so that its points stay in the core's caches
/// between the steps instead of crossing memory between passes over the whole image.
/// Every element is the chain of the separate passes (``WinogradTransform``), so the bits
/// do not change with the bands, the tasks or the threads.
extension FastKernels {
    /// The tile rows of a band: enough for its tiles to fill a few register tiles' rows.
    private static func bandRows(tiles: WinogradTiles) -> Int {
        let minimumTiles = 24
        return min(tiles.rows, (minimumTiles + tiles.columns - 1) / tiles.columns)
    }

    /// `y = Aᵀ · (Σ_ci Uᵀ[ci] · V[ci]) · A + bias` for every tile of every image, into
    /// `output` (`[N, Co, H, W]`), from the images laid out channels last with margin 1
    /// (``channelsLast(_:problem:channels:margin:into:)``) and the transposed weight `Uᵀ[ci][t][co]`
    /// (``transformWeight(_:transposed:into:)``, with the trailing scalars that whole-tile
    /// reads need). One task per band of tile rows and block of output channels: a block
    /// has fewer channels while there would be fewer than two tasks per thread.
    func bandedForward(_ padded: BufferReader<Float>, ut: BufferReader<Float>, problem: WinogradProblem,
                       bias: [Float], into output: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (inChannels, outChannels, points) = (problem.inChannels, problem.outChannels, WinogradTransform.points)
        let bandRows = Self.bandRows(tiles: tiles)
        let bands = (tiles.rows + bandRows - 1) / bandRows
        let bandTiles = bandRows * tiles.columns
        let tile = path.tileKernels.tiles.fastest(rows: bandTiles, columns: outChannels)
        let columnPanels = (outChannels + tile.columns - 1) / tile.columns
        let wantedBlocks = (2 * threadCount + problem.images * bands - 1) / (problem.images * bands)
        let panelsPerBlock = (columnPanels + min(columnPanels, wantedBlocks) - 1) / min(columnPanels, wantedBlocks)
        let blockColumns = panelsPerBlock * tile.columns
        let columnBlocks = (columnPanels + panelsPerBlock - 1) / panelsPerBlock
        // Chain step k reads row k of V_t and row k of Uᵀ_t.
        let weightOffsets = Array(0..<inChannels)
        let sourceOffsets = (0..<inChannels).map { $0 * points * outChannels }
        let zeros = [Float](repeating: 0, count: bandTiles + tile.rows)
        let paddedRowStride = tiles.padded(margin: 1).columns * inChannels
        let paddedImage = tiles.padded(margin: 1).rows * paddedRowStride
        let transform = path.tileKernels
        weightOffsets.withReader { weightOffsets in
        sourceOffsets.withReader { sourceOffsets in
        zeros.withReader { zeros in
            runner.run(taskCount: problem.images * bands * columnBlocks) { task in
                let (imageBand, columnBlock) = task.quotientAndRemainder(dividingBy: columnBlocks)
                let (image, band) = imageBand.quotientAndRemainder(dividingBy: bands)
                let firstRow = band * bandRows
                let rows = min(bandRows, tiles.rows - firstRow)
                let count = rows * tiles.columns
                let firstChannel = columnBlock * blockColumns
                let channels = min(blockColumns, outChannels - firstChannel)
                withUnsafeTemporaryAllocation(of: Float.self, capacity: points * count * (inChannels + channels)
                                                                        + count * 16 * channels) { scratch in
                    // V[tile][t][ci], M[tile][t][co] and the output tiles' values[tile][i·4 + j][co]:
                    // each tile's points are contiguous, so that a transform writes or reads
                    // one run of memory.
                    let v = scratch.start
                    let m = v + points * count * inChannels
                    let values = m + points * count * channels
                    let patchRows = padded.start + image * paddedImage + 4 * firstRow * paddedRowStride
                    for index in 0..<count {
                        let (row, tx) = index.quotientAndRemainder(dividingBy: tiles.columns)
                        transform.winograd(.inputRows, lanes: inChannels,
                                           input: patchRows + 4 * row * paddedRowStride + 4 * tx * inChannels,
                                           inputRowStride: paddedRowStride, inputStride: inChannels,
                                           output: v + index * points * inChannels, outputStride: inChannels)
                    }
                    for t in 0..<points {
                        let operands = ProductOperands(
                            weight: v + t * inChannels, rowStride: points * inChannels,
                            weightOffsets: weightOffsets.start, source: ut.start + t * outChannels + firstChannel,
                            sourceOffsets: sourceOffsets.start, depth: inChannels, rows: count, starts: zeros.start,
                            output: m + t * channels, gridHeight: 1, gridWidth: channels,
                            gridRowStride: channels, images: 1, imageRows: 1, imageStep: 0,
                            channelStride: points * channels, rowStep: 0, columnStep: 1, offset: 0)
                        transform.product(operands, tile: tile, rowPanels: 0..<(count + tile.rows - 1) / tile.rows,
                                          columnPanels: 0..<(channels + tile.columns - 1) / tile.columns)
                    }
                    for index in 0..<count {
                        transform.winograd(.outputRows, lanes: channels, input: m + index * points * channels,
                                           inputRowStride: 6 * channels, inputStride: channels,
                                           output: values + index * 16 * channels, outputStride: channels)
                    }
                    for row in 0..<rows {
                        storeTileRow(values + row * tiles.columns * 16 * channels, channels: channels,
                                     firstChannel: firstChannel, image: image, ty: firstRow + row, problem: problem,
                                     bias: bias, into: output)
                    }
                }
            }
        }
        }
        }
    }

    /// Stores a row of output tiles `values[tx][i·4 + j][c]` (channel `firstChannel + c`),
    /// plus the bias, into the planes `[N, Co, H, W]` of `output`, cropped to the image.
    private func storeTileRow(_ values: UnsafePointer<Float>, channels: Int, firstChannel: Int, image: Int, ty: Int,
                              problem: WinogradProblem, bias: [Float], into output: BufferWriter<Float>) {
        let tiles = problem.tiles
        // Each whole tile's row of four is one vector store; the last, cropped tile's kept
        // elements one at a time.
        let wholeTiles = tiles.width / 4
        for c in 0..<channels {
            let co = firstChannel + c
            let plane = output.start + (image * problem.outChannels + co) * tiles.height * tiles.width
            let shift = SIMD4<Float>(repeating: bias[co])
            for i in 0..<min(4, tiles.height - 4 * ty) {
                let row = plane + (4 * ty + i) * tiles.width
                // Element (i, j) of tile tx.
                let element = { (tx: Int, j: Int) in values[(tx * 16 + i * 4 + j) * channels + c] }
                for tx in 0..<wholeTiles {
                    let tileRow = SIMD4(element(tx, 0), element(tx, 1), element(tx, 2), element(tx, 3)) + shift
                    UnsafeMutableRawPointer(row + 4 * tx).storeBytes(of: tileRow, as: SIMD4<Float>.self)
                }
                for x in 4 * wholeTiles..<tiles.width {
                    row[x] = element(wholeTiles, x & 3) + bias[co]
                }
            }
        }
    }
}
