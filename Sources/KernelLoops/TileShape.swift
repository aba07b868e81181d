/// The extent of a ``RegisterTile``, its rows and its ``TileVector``s per row, and how fast
/// its loop runs on the instruction set that uses it.
public struct TileShape: Hashable, Sendable, CustomStringConvertible {
    /// The widest tile of any kernel path, in columns: the trailing zeros that inputs
    /// keep so that a tile's whole-vector reads stay inside them.
    public static let maximumColumns = 64

    /// Rows of accumulators.
    public let rows: Int
    /// Vectors per row.
    public let vectors: Int
    /// The rate of its loop relative to the instruction set's other tiles (measured on one
    /// core, operands in cache); it only guides the choice of a tile.
    public let speed: Int

    /// A shape of `rows` rows of `vectors` vectors, at most ``maximumColumns`` columns,
    /// running at the relative `speed`.
    public init(rows: Int, vectors: Int, speed: Int = 1) {
        precondition(rows >= 1 && vectors >= 1 && vectors * TileVector.scalarCount <= Self.maximumColumns,
                     "no \(rows) x \(vectors) register tile")
        self.rows = rows
        self.vectors = vectors
        self.speed = speed
    }

    /// Columns (lanes) per row.
    public var columns: Int { vectors * TileVector.scalarCount }

    /// For example `8x32`: rows by columns.
    public var description: String { "\(rows)x\(columns)" }
}

extension Array where Element == TileShape {
    /// The tile that computes a `rows x columns` result in the least time: the padded
    /// result (rows and columns rounded up to whole tiles) over the tile's speed.
    public func fastest(rows: Int, columns: Int) -> TileShape {
        func time(_ tile: TileShape) -> Double {
            let paddedRows = (rows + tile.rows - 1) / tile.rows * tile.rows
            let paddedColumns = (columns + tile.columns - 1) / tile.columns * tile.columns
            return Double(paddedRows) * Double(paddedColumns) / Double(tile.speed)
        }
        return self.min { time($0) < time($1) }!
    }
}
