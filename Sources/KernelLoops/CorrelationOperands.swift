/// One call of the weight-gradient form of the fast convolutions for large grids, as raw
/// operands: `out[g][r] = Σ_p G[g][p]·B[r][p]` over the kept grid positions p in
/// row-major order, with `B[r][p] = source[sourceOffsets[r] + gy·gridRowStride + gx]` and
/// G stored transposed, `G[g][p] = lanes[p·laneCount + g]`; `out` is row-major
/// `[laneRows, rows]`.
///
/// Every element is one chain `acc = acc.addingProduct(B[r][p], G[g][p])` from 0 over the
/// positions, whatever the tile, so every tile and instruction set gives the same bits.
@frozen
public struct CorrelationOperands: @unchecked Sendable {
    /// The planes that B reads.
    public let source: UnsafePointer<Float>
    /// The source offset of each row of B (`rows` of them).
    public let sourceOffsets: UnsafePointer<Int>
    /// Rows of B.
    public let rows: Int
    /// G, transposed: position p's `laneCount` values are contiguous.
    public let lanes: UnsafePointer<Float>
    /// Values per position in `lanes`: a whole number of tile columns, zeros past `laneRows`.
    public let laneCount: Int
    /// Rows of G (the lanes that are stored).
    public let laneRows: Int
    /// Grid rows.
    public let gridHeight: Int
    /// Grid columns.
    public let gridWidth: Int
    /// Source elements between consecutive grid rows.
    public let gridRowStride: Int
    /// The result.
    public let output: UnsafeMutablePointer<Float>

    /// Operands; see the properties.
    public init(source: UnsafePointer<Float>, sourceOffsets: UnsafePointer<Int>, rows: Int,
                lanes: UnsafePointer<Float>, laneCount: Int, laneRows: Int, gridHeight: Int, gridWidth: Int,
                gridRowStride: Int, output: UnsafeMutablePointer<Float>) {
        self.source = source
        self.sourceOffsets = sourceOffsets
        self.rows = rows
        self.lanes = lanes
        self.laneCount = laneCount
        self.laneRows = laneRows
        self.gridHeight = gridHeight
        self.gridWidth = gridWidth
        self.gridRowStride = gridRowStride
        self.output = output
    }

    /// Computes the tiles of row panels `rowPanels` (rows of B) by lane panels `lanePanels`
    /// (rows of G) and stores their elements.
    ///
    /// Each tile's instance is a function of its own: inlined into one, the instances of
    /// several tiles exceed what the compiler keeps in registers.
    @inlinable @inline(never)
    public func computeBlock<Path: TileKernels, let tileRows: Int, let tileVectors: Int>(
        _ tile: RegisterTile<Path, tileRows, tileVectors>.Type, rowPanels: Range<Int>, lanePanels: Range<Int>
    ) {
        let tileColumns = tileVectors * TileVector.scalarCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: tileRows * tileColumns) { elements in
            for panel in rowPanels {
                let firstRow = panel &* tileRows
                let validRows = min(tileRows, rows &- firstRow)
                // Rows past the matrix repeat its first row; they are not stored.
                let rowOffsets = InlineArray<tileRows, Int> { r in
                    sourceOffsets[r < validRows ? firstRow &+ r : firstRow]
                }
                for lanePanel in lanePanels {
                    var accumulators = RegisterTile<Path, tileRows, tileVectors>()
                    let firstLane = lanePanel &* tileColumns
                    var g = firstLane
                    for gy in 0..<gridHeight {
                        var position = gy &* gridRowStride
                        for _ in 0..<gridWidth {
                            // Wrapping arithmetic: see ProductOperands.
                            accumulators.addProducts(columns: lanes + g, weights: source + position,
                                                     rowOffsets: rowOffsets)
                            position &+= 1
                            g &+= laneCount
                        }
                    }
                    accumulators.write(to: elements.baseAddress.unsafelyUnwrapped)
                    for lane in 0..<min(tileColumns, laneRows &- firstLane) {
                        for r in 0..<validRows {
                            output[(firstLane &+ lane) &* rows &+ firstRow &+ r] = elements[r &* tileColumns &+ lane]
                        }
                    }
                }
            }
        }
    }
}
