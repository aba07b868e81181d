import KernelLoops

/// Winograd's forward pass and input gradient a band of tile rows at a time: each task takes
/// its band's tiles through the first transform, the 36 products over channels and the
/// second transform, so that their points stay in the core's caches between the steps
/// instead of crossing memory between passes over the whole image. Every element is the
/// chain of ``WinogradTransform``, so the bits do not change with the bands, the tasks or
/// the threads.
extension FastKernels {
    /// `y = Aᵀ · (Σ_ci Uᵀ[ci] · V[ci]) · A + bias` for every tile of every image, into
    /// `output` (`[N, Co, H, W]`), from the images laid out channels last with margin 1
    /// (``channelsLast(_:problem:channels:margin:into:)``) and the transposed weight
    /// `Uᵀ[t][ci][co]` (``transformWeight(_:transposed:into:)``, with the trailing zeros that
    /// whole-tile reads need).
    func bandedForward(_ padded: BufferReader<Float>, ut: BufferReader<Float>, problem: WinogradProblem,
                       bias: [Float], into output: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (inChannels, points) = (problem.inChannels, WinogradTransform.points)
        let rowStride = tiles.padded(margin: 1).columns * inChannels
        let imageStride = tiles.padded(margin: 1).rows * rowStride
        runBands(problem: problem, depth: inChannels, weight: ut, width: problem.outChannels) { band, v in
            // V[tile][t][ci] from the band's patches.
            transformTiles(.inputRows, rows: band.tileRows, problem: problem,
                           image: padded.start + band.image * imageStride, rowStride: rowStride,
                           channels: inChannels, into: v, tileStride: points * inChannels, pointStride: inChannels)
        } finish: { band, m, values in
            // values[tile][i·4 + j][c]: element (i, j) of the band's tile, channel firstChannel + c.
            for index in 0..<band.count {
                path.tileKernels.winograd(.outputRows, lanes: band.channels, input: m + index * points * band.channels,
                                          inputRowStride: 6 * band.channels, inputStride: band.channels,
                                          output: values + index * 16 * band.channels, outputStride: band.channels)
            }
            for row in 0..<band.rows {
                storeTileRow(values + row * tiles.columns * 16 * band.channels, band: band, ty: band.firstRow + row,
                             problem: problem, bias: bias, into: output)
            }
        }
    }

    /// `B · dV · Bᵀ` for every tile of the image, `dV = Σ_co U[co] · dM` and `dM = A · dy · Aᵀ`,
    /// into `patches` (`[tile][a·6 + b][ci]`, the tiles in row-major order), from the output
    /// gradient laid out channels last with margin 0 and the weight `U[t][co][ci]`
    /// (``transformWeight(_:transposed:into:)``, with the trailing zeros that whole-tile reads
    /// need). ``addPatches(_:problem:into:)`` adds them up.
    func bandedPatches(_ padded: BufferReader<Float>, u: BufferReader<Float>, problem: WinogradProblem,
                       into patches: BufferWriter<Float>) {
        let tiles = problem.tiles
        let (inChannels, outChannels, points) = (problem.inChannels, problem.outChannels, WinogradTransform.points)
        let rowStride = tiles.padded(margin: 0).columns * outChannels
        runBands(problem: problem, depth: outChannels, weight: u, width: inChannels) { band, dm in
            // dM[tile][t][co] from the band's tiles of the output gradient.
            transformTiles(.outputColumns, rows: band.tileRows, problem: problem, image: padded.start,
                           rowStride: rowStride, channels: outChannels, into: dm,
                           tileStride: points * outChannels, pointStride: outChannels)
        } finish: { band, dv, _ in
            let firstTile = band.firstRow * tiles.columns
            for index in 0..<band.count {
                path.tileKernels.winograd(.inputColumns, lanes: band.channels, input: dv + index * points * band.channels,
                                          inputRowStride: 6 * band.channels, inputStride: band.channels,
                                          output: patches.start + (firstTile + index) * points * inChannels
                                              + band.firstChannel,
                                          outputStride: inChannels)
            }
        }
    }

    /// Runs the tasks of ``WinogradBands``: for each, `start` writes the band's first
    /// transform `a[tile][t][k]` for its `count` tiles and `depth` channels into the pointer
    /// it is given; then `out[tile][t][c] = Σ_k a[tile][t][k] · weight[k][t][firstChannel + c]`,
    /// one chain from 0 over k ascending for each of the task's channels; then `finish`
    /// reads `out`, with `16·count·channels` scalars of its own to write. The scalars are
    /// borrowed once per call (``ScratchBuffers``), a run of them for each part of the
    /// parallel run, whose tasks use it one after the other.
    private func runBands(problem: WinogradProblem, depth: Int, weight: BufferReader<Float>, width: Int,
                          start: @Sendable (WinogradBands.Task, UnsafeMutablePointer<Float>) -> Void,
                          finish: @Sendable (WinogradBands.Task, UnsafePointer<Float>, UnsafeMutablePointer<Float>)
                              -> Void) {
        let points = WinogradTransform.points
        let bands = WinogradBands(problem: problem, columns: width, tiles: path.tileKernels.tiles,
                                  threads: threadCount)
        let tile = bands.tile
        // Chain step k reads element k of a tile's point t, and row k of the weight's point t.
        let aOffsets = Array(0..<depth)
        let weightOffsets = (0..<depth).map { $0 * width }
        let zeros = [Float](repeating: 0, count: bands.maximumTiles + tile.rows)
        let partScalars = bands.maximumTiles * (points * (depth + bands.maximumChannels) + 16 * bands.maximumChannels)
        let parts = runner.parts(taskCount: bands.taskCount)
        ScratchBuffers.shared.borrow([parts * partScalars]) { scratch in
            let scratch = scratch[0]
            aOffsets.withReader { aOffsets in
                weightOffsets.withReader { weightOffsets in
                    zeros.withReader { zeros in
                        runner.run(taskCount: bands.taskCount) { part, index in
                            let band = bands.task(index)
                            let a = scratch.start + part * partScalars
                            let out = a + points * band.count * depth
                            start(band, a)
                            for t in 0..<points {
                                let operands = ProductOperands(
                                    weight: a + t * depth, rowStride: points * depth, weightOffsets: aOffsets.start,
                                    source: weight.start + t * depth * width + band.firstChannel,
                                    sourceOffsets: weightOffsets.start, depth: depth, rows: band.count,
                                    starts: zeros.start, output: out + t * band.channels, gridHeight: 1,
                                    gridWidth: band.channels, gridRowStride: band.channels, images: 1, imageRows: 1,
                                    imageStep: 0, channelStride: points * band.channels, rowStep: 0, columnStep: 1,
                                    offset: 0)
                                path.tileKernels.product(operands, tile: tile,
                                                         rowPanels: 0..<(band.count + tile.rows - 1) / tile.rows,
                                                         columnPanels: 0..<(band.channels + tile.columns - 1)
                                                             / tile.columns)
                            }
                            finish(band, out, out + points * band.count * band.channels)
                        }
                    }
                }
            }
        }
    }

    /// Stores a row of output tiles `values[tx][i·4 + j][c]` (channel `band.firstChannel + c`),
    /// plus the bias, into the planes `[N, Co, H, W]` of `output`, cropped to the image: for
    /// each row i of each tile, the tile's four columns of the band's channels transposed into
    /// the channels' planes.
    private func storeTileRow(_ values: UnsafePointer<Float>, band: WinogradBands.Task, ty: Int,
                              problem: WinogradProblem, bias: [Float], into output: BufferWriter<Float>) {
        let tiles = problem.tiles
        let planeSize = tiles.height * tiles.width
        let firstPlane = output.start + (band.image * problem.outChannels + band.firstChannel) * planeSize
        bias.withUnsafeBufferPointer { bias in
            for i in 0..<min(4, tiles.height - 4 * ty) {
                let row = firstPlane + (4 * ty + i) * tiles.width
                for tx in 0..<tiles.columns {
                    TransposedBlocks.copy(rows: min(4, tiles.width - 4 * tx), columns: band.channels,
                                          from: values + (tx * 16 + i * 4) * band.channels, sourceStride: band.channels,
                                          to: row + 4 * tx, targetStride: planeSize,
                                          adding: bias.baseAddress! + band.firstChannel)
                }
            }
        }
    }
}

/// The tasks of the banded passes: bands of tile rows, with enough tiles to fill a few
/// register tiles' rows, by blocks of the products' columns, which have fewer columns while
/// there would be fewer than two tasks per thread.
struct WinogradBands {
    /// One task: a band of one image and a block of channels.
    struct Task {
        /// The image.
        let image: Int
        /// The band's first tile row.
        let firstRow: Int
        /// Its tile rows.
        let rows: Int
        /// Its tiles.
        let count: Int
        /// The block's first channel (column of the products).
        let firstChannel: Int
        /// The block's channels.
        let channels: Int

        /// The band's tile rows.
        var tileRows: Range<Int> { firstRow..<firstRow + rows }
    }

    /// The tile of the products.
    let tile: TileShape
    private let tiles: WinogradTiles
    private let columns: Int
    private let bandRows: Int
    private let bands: Int
    private let blockColumns: Int
    private let columnBlocks: Int
    private let images: Int

    /// The tasks of `problem`'s products with `columns` columns, on `threads` threads, with
    /// the fastest of `menu`'s tiles.
    init(problem: WinogradProblem, columns: Int, tiles menu: [TileShape], threads: Int) {
        let minimumTiles = 24
        tiles = problem.tiles
        images = problem.images
        self.columns = columns
        bandRows = min(tiles.rows, (minimumTiles + tiles.columns - 1) / tiles.columns)
        bands = (tiles.rows + bandRows - 1) / bandRows
        tile = menu.fastest(rows: bandRows * tiles.columns, columns: columns)
        let columnPanels = (columns + tile.columns - 1) / tile.columns
        let wantedBlocks = min(columnPanels, (2 * threads + images * bands - 1) / (images * bands))
        let panelsPerBlock = (columnPanels + wantedBlocks - 1) / wantedBlocks
        blockColumns = panelsPerBlock * tile.columns
        columnBlocks = (columnPanels + panelsPerBlock - 1) / panelsPerBlock
    }

    /// The most tiles of a band.
    var maximumTiles: Int { bandRows * tiles.columns }

    /// The most channels of a block.
    var maximumChannels: Int { min(blockColumns, columns) }

    /// The number of tasks.
    var taskCount: Int { images * bands * columnBlocks }

    /// Task `index`: the blocks of a band, then the next band, image after image.
    func task(_ index: Int) -> Task {
        let (imageBand, columnBlock) = index.quotientAndRemainder(dividingBy: columnBlocks)
        let (image, band) = imageBand.quotientAndRemainder(dividingBy: bands)
        let firstRow = band * bandRows
        let rows = min(bandRows, tiles.rows - firstRow)
        let firstChannel = columnBlock * blockColumns
        return Task(image: image, firstRow: firstRow, rows: rows, count: rows * tiles.columns,
                    firstChannel: firstChannel, channels: min(blockColumns, columns - firstChannel))
    }
}
