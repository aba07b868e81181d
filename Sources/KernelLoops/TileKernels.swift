/// The fast convolutions' inner loops compiled for one instruction set, with the register
/// tiles that suit it.
///
/// The loops themselves are the inlinable ``ProductOperands/computeBlock(_:rowPanels:columnPanels:)``
/// and ``CorrelationOperands/computeBlock(_:rowPanels:lanePanels:)``; each conforming type
/// lives in a module compiled for its instruction set, so that its copy of the loops uses
/// it. Every tile computes the same chains, so every conforming type gives the same bits.
public protocol TileKernels {
    /// The tiles of ``product(_:tile:rowPanels:columnPanels:)``, widest first.
    static var productTiles: [TileShape] { get }
    /// The tiles of ``correlation(_:tile:rowPanels:lanePanels:)``, widest first.
    static var correlationTiles: [TileShape] { get }

    /// Computes a block of a product with `tile`, one of ``productTiles``.
    static func product(_ operands: ProductOperands, tile: TileShape, rowPanels: Range<Int>,
                        columnPanels: Range<Int>)

    /// Computes a block of a correlation with `tile`, one of ``correlationTiles``.
    static func correlation(_ operands: CorrelationOperands, tile: TileShape, rowPanels: Range<Int>,
                            lanePanels: Range<Int>)
}

extension TileKernels {
    /// The widest of ``productTiles`` that is at most half as wide as `columns`, or the
    /// narrowest: wide tiles load fewer weights per product, narrow ones compute fewer
    /// dropped columns.
    public static func productTile(columns: Int) -> TileShape {
        widest(of: productTiles, notOver: columns / 2)
    }

    /// The widest of ``correlationTiles`` that is not wider than `lanes` rounded up to a
    /// whole vector: the lanes past them are zeros computed for nothing.
    public static func correlationTile(lanes: Int) -> TileShape {
        let vectors = (lanes + TileVector.scalarCount - 1) / TileVector.scalarCount
        return widest(of: correlationTiles, notOver: vectors * TileVector.scalarCount)
    }

    private static func widest(of tiles: [TileShape], notOver columns: Int) -> TileShape {
        tiles.first { $0.columns <= columns } ?? tiles[tiles.count - 1]
    }
}
