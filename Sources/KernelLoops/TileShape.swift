/// The extent of a ``RegisterTile``: its rows and its ``TileVector``s per row.
public struct TileShape: Hashable, Sendable, CustomStringConvertible {
    /// The widest tile of any kernel path, in columns: the trailing zeros that inputs
    /// keep so that a tile's whole-vector reads stay inside them.
    public static let maximumColumns = 64

    /// Rows of accumulators.
    public let rows: Int
    /// Vectors per row.
    public let vectors: Int

    /// A shape of `rows` rows of `vectors` vectors; at most ``maximumColumns`` columns.
    public init(rows: Int, vectors: Int) {
        precondition(rows >= 1 && vectors >= 1 && vectors * TileVector.scalarCount <= Self.maximumColumns,
                     "no \(rows) x \(vectors) register tile")
        self.rows = rows
        self.vectors = vectors
    }

    /// Columns (lanes) per row.
    public var columns: Int { vectors * TileVector.scalarCount }

    /// For example `6x64`: rows by columns.
    public var description: String { "\(rows)x\(columns)" }
}
