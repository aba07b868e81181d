/// The register tiles that kernel paths may use, one generic instance each.
///
/// A ``TileKernels`` type calls these from its own module, passing itself as `path`, so
/// that they are specialised and compiled for its instruction set under names of its own
/// (see ``RegisterTile``).
extension TileShape {
    /// Every shape that ``ProductOperands/compute(tile:rowPanels:columnPanels:in:)`` and
    /// ``CorrelationOperands/compute(tile:rowPanels:lanePanels:in:)`` have an instance of
    /// (the products also have 4-row instances for their last row panel).
    public static let menu = [
        TileShape(rows: 8, vectors: 2), TileShape(rows: 7, vectors: 3), TileShape(rows: 12, vectors: 1),
        TileShape(rows: 6, vectors: 1),
    ]
}

extension ProductOperands {
    /// The rows of the tile that computes the last row panel where the matrix leaves it at
    /// most this many rows: the rest of a whole tile's rows would be computed and dropped.
    @inlinable static var remainderTileRows: Int { 4 }

    /// ``computeBlock(_:rowPanels:panelRows:columnPanels:)`` with the tile of `shape`, one of
    /// ``TileShape/menu``; the matrix's last row panel, where it holds at most
    /// ``remainderTileRows`` rows, with a tile of that many rows and as many vectors.
    @inlinable @inline(__always)
    public func compute<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, columnPanels: Range<Int>,
                                          in path: Path.Type) {
        let lastPanel = (rows + shape.rows - 1) / shape.rows - 1
        guard shape.rows > Self.remainderTileRows, rows - lastPanel * shape.rows <= Self.remainderTileRows,
              rowPanels.contains(lastPanel) else {
            computeWhole(tile: shape, rowPanels: rowPanels, columnPanels: columnPanels, in: path)
            return
        }
        computeWhole(tile: shape, rowPanels: rowPanels.lowerBound..<lastPanel, columnPanels: columnPanels, in: path)
        let last = lastPanel..<lastPanel + 1
        switch shape.vectors {
        case 1: computeBlock(RegisterTile<Path, 4, 1>.self, rowPanels: last, panelRows: shape.rows,
                             columnPanels: columnPanels)
        case 2: computeBlock(RegisterTile<Path, 4, 2>.self, rowPanels: last, panelRows: shape.rows,
                             columnPanels: columnPanels)
        case 3: computeBlock(RegisterTile<Path, 4, 3>.self, rowPanels: last, panelRows: shape.rows,
                             columnPanels: columnPanels)
        default: preconditionFailure("no remainder tile for \(shape)")
        }
    }

    /// ``computeBlock(_:rowPanels:panelRows:columnPanels:)`` with the tile of `shape` for every panel.
    @inlinable @inline(__always)
    func computeWhole<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, columnPanels: Range<Int>,
                                         in path: Path.Type) {
        guard !rowPanels.isEmpty else { return }
        switch (shape.rows, shape.vectors) {
        case (7, 3): computeBlock(RegisterTile<Path, 7, 3>.self, rowPanels: rowPanels, panelRows: 7,
                                  columnPanels: columnPanels)
        case (8, 2): computeBlock(RegisterTile<Path, 8, 2>.self, rowPanels: rowPanels, panelRows: 8,
                                  columnPanels: columnPanels)
        case (12, 1): computeBlock(RegisterTile<Path, 12, 1>.self, rowPanels: rowPanels, panelRows: 12,
                                   columnPanels: columnPanels)
        case (6, 1): computeBlock(RegisterTile<Path, 6, 1>.self, rowPanels: rowPanels, panelRows: 6,
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
