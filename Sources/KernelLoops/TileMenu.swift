/// The register tiles that kernel paths may use, one generic instance each.
///
/// A ``TileKernels`` type calls these from its own module, passing itself as `path`, so
/// that they are specialised and compiled for its instruction set under names of its own
/// (see ``RegisterTile``).
extension TileShape {
    /// Every shape that ``ProductOperands/compute(tile:rowPanels:columnPanels:in:)`` and
    /// ``CorrelationOperands/compute(tile:rowPanels:lanePanels:in:)`` have an instance of
    /// (the products also have 4-row instances for their last one or two row panels).
    public static let menu = [
        TileShape(rows: 8, vectors: 2), TileShape(rows: 7, vectors: 3), TileShape(rows: 12, vectors: 1),
        TileShape(rows: 6, vectors: 1),
    ]
}

extension ProductOperands {
    /// The rows of the tiles that compute the matrix's last rows where a whole tile would
    /// compute rows past the matrix and drop them: the last row panel, where it holds at
    /// most this many rows, or the last two, where they hold at most twice as many.
    @inlinable static var remainderTileRows: Int { 4 }

    /// ``computeBlock(_:firstRow:rowPanelCount:columnPanels:)`` with the tile of `shape`, one
    /// of ``TileShape/menu``, for row panels `rowPanels` of `shape.rows` rows each, except at
    /// the matrix's end: where its last row panel holds at most ``remainderTileRows`` rows,
    /// that panel gets a tile of that many rows and as many vectors; where the last two
    /// panels hold at most twice that many (6 + 2 rows of 6-row tiles, 7 + 1 of 7-row ones),
    /// each of the two gets such a tile, the second starting where the first ends, so that
    /// the tiles compute no row past the matrix.
    @inlinable @inline(__always)
    public func compute<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, columnPanels: Range<Int>,
                                          in path: Path.Type) {
        let small = Self.remainderTileRows
        let lastPanel = (rows + shape.rows - 1) / shape.rows - 1
        let lastPanelRows = rows - lastPanel * shape.rows
        guard shape.rows > small, lastPanelRows <= small else {
            computeWhole(tile: shape, rowPanels: rowPanels, columnPanels: columnPanels, in: path)
            return
        }
        let paired = lastPanel > 0 && shape.rows + lastPanelRows <= 2 * small
        let firstSmallPanel = paired ? lastPanel - 1 : lastPanel
        computeWhole(tile: shape, rowPanels: rowPanels.clamped(to: 0..<firstSmallPanel), columnPanels: columnPanels,
                     in: path)
        let smallPanels = rowPanels.clamped(to: firstSmallPanel..<lastPanel + 1)
        guard !smallPanels.isEmpty else { return }
        let firstRow = firstSmallPanel * shape.rows + (smallPanels.lowerBound - firstSmallPanel) * small
        switch shape.vectors {
        case 1: computeBlock(RegisterTile<Path, 4, 1>.self, firstRow: firstRow, rowPanelCount: smallPanels.count,
                             columnPanels: columnPanels)
        case 2: computeBlock(RegisterTile<Path, 4, 2>.self, firstRow: firstRow, rowPanelCount: smallPanels.count,
                             columnPanels: columnPanels)
        case 3: computeBlock(RegisterTile<Path, 4, 3>.self, firstRow: firstRow, rowPanelCount: smallPanels.count,
                             columnPanels: columnPanels)
        default: preconditionFailure("no remainder tile for \(shape)")
        }
    }

    /// ``computeBlock(_:firstRow:rowPanelCount:columnPanels:)`` with the tile of `shape` for every panel.
    @inlinable @inline(__always)
    func computeWhole<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, columnPanels: Range<Int>,
                                         in path: Path.Type) {
        guard !rowPanels.isEmpty else { return }
        let firstRow = rowPanels.lowerBound * shape.rows
        switch (shape.rows, shape.vectors) {
        case (7, 3): computeBlock(RegisterTile<Path, 7, 3>.self, firstRow: firstRow, rowPanelCount: rowPanels.count,
                                  columnPanels: columnPanels)
        case (8, 2): computeBlock(RegisterTile<Path, 8, 2>.self, firstRow: firstRow, rowPanelCount: rowPanels.count,
                                  columnPanels: columnPanels)
        case (12, 1): computeBlock(RegisterTile<Path, 12, 1>.self, firstRow: firstRow, rowPanelCount: rowPanels.count,
                                   columnPanels: columnPanels)
        case (6, 1): computeBlock(RegisterTile<Path, 6, 1>.self, firstRow: firstRow, rowPanelCount: rowPanels.count,
                                  columnPanels: columnPanels)
        default: preconditionFailure("no \(shape) tile")
        }
    }
}

extension CorrelationOperands {
    /// ``computeBlock(_:rowPanels:lanePanels:)`` with the tile of `shape`, one of ``TileShape/menu``.
    @inlinable @inline(__always)
    public func compute<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, lanePanels: Range<Int>,
                                          in path: Path.Type) {
        switch (shape.rows, shape.vectors) {
        case (7, 3): computeBlock(RegisterTile<Path, 7, 3>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (8, 2): computeBlock(RegisterTile<Path, 8, 2>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (12, 1): computeBlock(RegisterTile<Path, 12, 1>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (6, 1): computeBlock(RegisterTile<Path, 6, 1>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        default: preconditionFailure("no \(shape) tile")
        }
    }
}
