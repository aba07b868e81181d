/// The register tiles that kernel paths may use, one generic instance each.
///
/// A ``TileKernels`` type calls these from its own module, passing itself as `path`, so
/// that they are specialised and compiled for its instruction set under names of its own
/// (see ``RegisterTile``).
extension TileShape {
    /// Every shape that ``ProductOperands/compute(tile:rowPanels:columnPanels:in:)`` and
    /// ``CorrelationOperands/compute(tile:rowPanels:lanePanels:in:)`` have an instance of.
    public static let menu = [
        TileShape(rows: 8, vectors: 3), TileShape(rows: 6, vectors: 4), TileShape(rows: 12, vectors: 1),
        TileShape(rows: 6, vectors: 1),
    ]
}

extension ProductOperands {
    /// ``computeBlock(_:rowPanels:columnPanels:)`` with the tile of `shape`, one of ``TileShape/menu``.
    @inlinable @inline(__always)
    public func compute<Path: TileKernels>(tile shape: TileShape, rowPanels: Range<Int>, columnPanels: Range<Int>,
                                          in path: Path.Type) {
        switch (shape.rows, shape.vectors) {
        case (6, 4): computeBlock(RegisterTile<Path, 6, 4>.self, rowPanels: rowPanels, columnPanels: columnPanels)
        case (8, 3): computeBlock(RegisterTile<Path, 8, 3>.self, rowPanels: rowPanels, columnPanels: columnPanels)
        case (12, 1): computeBlock(RegisterTile<Path, 12, 1>.self, rowPanels: rowPanels, columnPanels: columnPanels)
        case (6, 1): computeBlock(RegisterTile<Path, 6, 1>.self, rowPanels: rowPanels, columnPanels: columnPanels)
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
        case (6, 4): computeBlock(RegisterTile<Path, 6, 4>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (8, 3): computeBlock(RegisterTile<Path, 8, 3>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (12, 1): computeBlock(RegisterTile<Path, 12, 1>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        case (6, 1): computeBlock(RegisterTile<Path, 6, 1>.self, rowPanels: rowPanels, lanePanels: lanePanels)
        default: preconditionFailure("no \(shape) tile")
        }
    }
}
