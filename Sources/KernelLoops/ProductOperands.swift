/// One call of the forward form of the fast convolutions, as raw operands:
/// `out[m][q] = start[m] + Σ_k A[m][k]·B[k][q]`, with `A[m][k] = weight[m·rowStride + weightOffsets[k]]`
/// and `B[k][q] = source[sourceOffsets[k] + q]`, column `q = gy·gridRowStride + gx` of a
/// `gridHeight x gridWidth` grid, and element `(m, gy, gx)` stored at
/// `offset + m·channelStride + gy·rowStep + gx·columnStep`.
///
/// Every element is one chain `acc = acc.addingProduct(A[m][k], B[k][q])` for k ascending
/// from `start[m]`, whatever the tile, so every tile and every instruction set gives the
/// same bits. The pointers must stay valid while a kernel runs, and `source` must allow
/// whole-tile reads past the last kept column (``TileShape/maximumColumns`` trailing
/// elements).
@frozen
public struct ProductOperands: @unchecked Sendable {
    /// The weight that A reads.
    public let weight: UnsafePointer<Float>
    /// Weight elements between consecutive rows of A.
    public let rowStride: Int
    /// The weight offset of each column of A, in chain order (`depth` of them).
    public let weightOffsets: UnsafePointer<Int>
    /// The planes that B reads.
    public let source: UnsafePointer<Float>
    /// The source offset of each row of B, in chain order (`depth` of them).
    public let sourceOffsets: UnsafePointer<Int>
    /// The length of every chain.
    public let depth: Int
    /// Rows of A.
    public let rows: Int
    /// The start of each row's chains (`rows` of them).
    public let starts: UnsafePointer<Float>
    /// The product's elements go here.
    public let output: UnsafeMutablePointer<Float>
    /// Grid rows.
    public let gridHeight: Int
    /// Grid columns that are kept.
    public let gridWidth: Int
    /// Columns between consecutive grid rows (`>= gridWidth`; the rest are computed and dropped).
    public let gridRowStride: Int
    /// The images of the batch.
    public let images: Int
    /// Grid rows from one image's first row to the next's (`>= gridHeight`; the rest are
    /// computed and dropped).
    public let imageRows: Int
    /// Output elements between consecutive images.
    public let imageStep: Int
    /// Output elements between consecutive rows of A.
    public let channelStride: Int
    /// Output elements between consecutive grid rows.
    public let rowStep: Int
    /// Output elements between consecutive grid columns.
    public let columnStep: Int
    /// The output position of element `(0, 0, 0)`.
    public let offset: Int

    /// Operands; see the properties.
    public init(weight: UnsafePointer<Float>, rowStride: Int, weightOffsets: UnsafePointer<Int>,
                source: UnsafePointer<Float>, sourceOffsets: UnsafePointer<Int>, depth: Int, rows: Int,
                starts: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, gridHeight: Int, gridWidth: Int,
                gridRowStride: Int, images: Int, imageRows: Int, imageStep: Int, channelStride: Int, rowStep: Int,
                columnStep: Int, offset: Int) {
        self.weight = weight
        self.rowStride = rowStride
        self.weightOffsets = weightOffsets
        self.source = source
        self.sourceOffsets = sourceOffsets
        self.depth = depth
        self.rows = rows
        self.starts = starts
        self.output = output
        self.gridHeight = gridHeight
        self.gridWidth = gridWidth
        self.gridRowStride = gridRowStride
        self.images = images
        self.imageRows = imageRows
        self.imageStep = imageStep
        self.channelStride = channelStride
        self.rowStep = rowStep
        self.columnStep = columnStep
        self.offset = offset
    }

    /// The steps of the chains that a tile takes before the next tile of the block takes
    /// its own: the columns of B that they read stay in the level-1 cache for every row
    /// panel of the block.
    @inlinable static var depthBlock: Int { 256 }

    /// Computes the tiles of `rowPanelCount` row panels by column panels `columnPanels` (row
    /// panel i of the block covers rows `firstRow + i·tileRows..<` up to `tileRows` of them,
    /// column panel j columns `j·extent..<(j+1)·extent` of the tile's extent) and stores their
    /// kept elements.
    ///
    /// Each tile row reads its row of A where the weight holds it (a copy of the block's
    /// rows into one place measured no faster for any layer shape, and slower where a block
    /// has few columns). The chains advance ``depthBlock`` steps at a time: each tile of the
    /// block takes those steps, parks its accumulators in memory (a float stored and loaded
    /// is the same float, so the chains are unchanged) and the next tile reads the same
    /// columns of B from cache. A finished tile whose columns lie in one grid row's kept
    /// columns is stored from its registers; any other goes through the parked copy.
    ///
    /// Each tile's instance is a function of its own: inlined into one, the instances of
    /// several tiles exceed what the compiler keeps in registers.
    @inlinable @inline(never)
    public func computeBlock<Path: TileKernels, let tileRows: Int, let tileVectors: Int>(
        _ tile: RegisterTile<Path, tileRows, tileVectors>.Type, firstRow blockFirstRow: Int, rowPanelCount: Int,
        columnPanels: Range<Int>
    ) {
        let tileColumns = tileVectors * TileVector.scalarCount
        let tileSize = tileRows * tileColumns
        // Chains of one depth block park nothing: one tile's place serves every tile of the
        // block for its store, and stays small enough for the stack (a larger block goes to
        // the allocator, whose lock the threads would share).
        let parks = depth > Self.depthBlock
        let parkedCount = parks ? rowPanelCount * columnPanels.count : 1
        withUnsafeTemporaryAllocation(of: Float.self, capacity: parkedCount * tileSize) {
            let parkedTiles = $0.baseAddress.unsafelyUnwrapped
            var first = 0
            repeat {
                let last = min(first &+ Self.depthBlock, depth)
                for (columnIndex, columnPanel) in columnPanels.enumerated() {
                    let q = columnPanel &* tileColumns
                    for rowIndex in 0..<rowPanelCount {
                        let firstRow = blockFirstRow &+ rowIndex &* tileRows
                        let validRows = min(tileRows, rows &- firstRow)
                        let parkedTile = parks
                            ? parkedTiles + (rowIndex &* columnPanels.count &+ columnIndex) &* tileSize : parkedTiles
                        var accumulators = first == 0
                            ? RegisterTile<Path, tileRows, tileVectors>(starts: starts + firstRow, validRows: validRows)
                            : RegisterTile<Path, tileRows, tileVectors>(loading: parkedTile)
                        // Rows past the matrix repeat its first row; they are not stored.
                        let rowOffsets = InlineArray<tileRows, Int> { r in
                            (r < validRows ? firstRow &+ r : firstRow) &* rowStride
                        }
                        // Wrapping arithmetic: the offsets are in bounds by construction, and
                        // overflow checks would cost more than the products.
                        for k in first..<last {
                            accumulators.addProducts(columns: source + (sourceOffsets[k] &+ q),
                                                     weights: weight + weightOffsets[k], rowOffsets: rowOffsets)
                        }
                        if last == depth, let start = denseStart(column: q, columns: tileColumns, firstRow: firstRow) {
                            accumulators.store(to: output + start, rowStride: channelStride, validRows: validRows)
                        } else {
                            accumulators.write(to: parkedTile)
                            if last == depth {
                                store(parkedTile, tileColumns: tileColumns, firstRow: firstRow, validRows: validRows,
                                      column: q)
                            }
                        }
                    }
                }
                first = last
            } while first < depth
        }
    }

    /// Where the output of row `firstRow`, column `q` goes, if the tile's `columns` columns
    /// from `q` on are consecutive kept columns of one grid row and the output is dense
    /// along the row (the tile can then be stored a whole vector at a time from its
    /// registers); nil otherwise.
    @inlinable @inline(__always)
    func denseStart(column q: Int, columns: Int, firstRow: Int) -> Int? {
        let (y, x) = q.quotientAndRemainder(dividingBy: gridRowStride)
        let (image, row) = y.quotientAndRemainder(dividingBy: imageRows)
        guard columnStep == 1, image < images, row < gridHeight, x &+ columns <= gridWidth else { return nil }
        return offset &+ image &* imageStep &+ firstRow &* channelStride &+ row &* rowStep &+ x
    }

    /// Stores the kept elements of a tile (its `elements`, row-major with `tileColumns`
    /// per row) whose columns start at `q`: a whole vector at a time where its lanes are
    /// consecutive kept columns of one grid row and the output is dense along the row;
    /// elsewhere (a vector that crosses the end of a grid row) each run of its lanes that
    /// lies in one grid row at a time.
    @inlinable @inline(__always)
    func store(_ elements: UnsafePointer<Float>, tileColumns: Int, firstRow: Int, validRows: Int, column q: Int) {
        let lanes = TileVector.scalarCount
        for c in 0..<tileColumns / lanes {
            let first = q &+ c &* lanes
            if let start = denseStart(column: first, columns: lanes, firstRow: firstRow) {
                for r in 0..<validRows {
                    let vector = UnsafeRawPointer(elements + (r &* tileColumns &+ c &* lanes))
                        .loadUnaligned(as: TileVector.self)
                    UnsafeMutableRawPointer(output + (start &+ r &* channelStride)).storeBytes(of: vector, as: TileVector.self)
                }
                continue
            }
            let (y, x) = first.quotientAndRemainder(dividingBy: gridRowStride)
            var (image, row) = y.quotientAndRemainder(dividingBy: imageRows)
            var lane = 0
            var column = x
            while lane < lanes {
                // The lanes up to the end of this grid row, of which the first `kept` are kept.
                let run = min(lanes &- lane, gridRowStride &- column)
                if image < images, row < gridHeight, column < gridWidth {
                    let kept = min(run, gridWidth &- column)
                    let start = offset &+ image &* imageStep &+ firstRow &* channelStride &+ row &* rowStep
                        &+ column &* columnStep
                    for r in 0..<validRows {
                        let source = elements + (r &* tileColumns &+ c &* lanes &+ lane)
                        let target = output + (start &+ r &* channelStride)
                        for i in 0..<kept {
                            target[i &* columnStep] = source[i]
                        }
                    }
                }
                lane &+= run
                (row, column) = (row &+ 1, 0)
                if row == imageRows {
                    (image, row) = (image &+ 1, 0)
                }
            }
        }
    }
}
