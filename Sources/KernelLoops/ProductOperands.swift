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
                gridRowStride: Int, channelStride: Int, rowStep: Int, columnStep: Int, offset: Int) {
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
        self.channelStride = channelStride
        self.rowStep = rowStep
        self.columnStep = columnStep
        self.offset = offset
    }

    /// Computes the tiles of row panels `rowPanels` by column panels `columnPanels` (panel
    /// i covers rows, or columns, `i·extent..<(i+1)·extent` of the tile's extent) and
    /// stores their kept elements.
    ///
    /// Each tile's instance is a function of its own: inlined into one, the instances of
    /// several tiles exceed what the compiler keeps in registers.
    @inlinable @inline(never)
    public func computeBlock<Path: TileKernels, let tileRows: Int, let tileVectors: Int>(
        _ tile: RegisterTile<Path, tileRows, tileVectors>.Type, rowPanels: Range<Int>, columnPanels: Range<Int>
    ) {
        let tileColumns = tileVectors * TileVector.scalarCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tileRows * tileColumns) { elements in
            for panel in rowPanels {
                let firstRow = panel &* tileRows
                let validRows = min(tileRows, rows &- firstRow)
                // Rows past the matrix repeat its first row; they are not stored.
                let rowOffsets = InlineArray<tileRows, Int> { r in
                    (r < validRows ? firstRow &+ r : firstRow) &* rowStride
                }
                for columnPanel in columnPanels {
                    let q = columnPanel &* tileColumns
                    var accumulators = RegisterTile<Path, tileRows, tileVectors>(starts: starts + firstRow,
                                                                                 validRows: validRows)
                    // Wrapping arithmetic: the offsets are in bounds by construction, and
                    // overflow checks would cost more than the products.
                    for k in 0..<depth {
                        accumulators.addProducts(columns: source + (sourceOffsets[k] &+ q),
                                                 weights: weight + weightOffsets[k], rowOffsets: rowOffsets)
                    }
                    accumulators.write(to: elements.baseAddress.unsafelyUnwrapped)
                    store(elements.baseAddress.unsafelyUnwrapped, tileColumns: tileColumns, firstRow: firstRow,
                          validRows: validRows, column: q)
                }
            }
        }
    }

    /// Stores the kept elements of a tile (its `elements`, row-major with `tileColumns`
    /// per row) whose columns start at `q`: a whole vector at a time where its lanes are
    /// consecutive kept columns of one grid row and the output is dense along the row, one
    /// element at a time elsewhere.
    @inlinable @inline(__always)
    func store(_ elements: UnsafePointer<Float>, tileColumns: Int, firstRow: Int, validRows: Int, column q: Int) {
        let lanes = TileVector.scalarCount
        for c in 0..<tileColumns / lanes {
            let first = q &+ c &* lanes
            let (y, x) = first.quotientAndRemainder(dividingBy: gridRowStride)
            if columnStep == 1, y < gridHeight, x &+ lanes <= gridWidth {
                let start = offset &+ firstRow &* channelStride &+ y &* rowStep &+ x
                for r in 0..<validRows {
                    let vector = UnsafeRawPointer(elements + (r &* tileColumns &+ c &* lanes))
                        .loadUnaligned(as: TileVector.self)
                    UnsafeMutableRawPointer(output + (start &+ r &* channelStride)).storeBytes(of: vector, as: TileVector.self)
                }
                continue
            }
            var (row, column) = (y, x)
            for lane in 0..<lanes {
                if row < gridHeight, column < gridWidth {
                    let start = offset &+ firstRow &* channelStride &+ row &* rowStep &+ column &* columnStep
                    for r in 0..<validRows {
                        output[start &+ r &* channelStride] = elements[r &* tileColumns &+ c &* lanes &+ lane]
                    }
                }
                column &+= 1
                if column == gridRowStride {
                    (row, column) = (row &+ 1, 0)
                }
            }
        }
    }
}
