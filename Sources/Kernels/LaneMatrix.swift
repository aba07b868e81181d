/// A `[rows, columns]` matrix stored transposed with its rows in vector lanes: column p is
/// `laneCount` contiguous elements, element `[g, p]` at `p·laneCount + g`, lanes past
/// `rows` zero.
///
/// The right operand of ``TapCorrelation``: one vector load gives one position of a
/// vector of channels.
struct LaneMatrix {
    /// The transposed elements.
    let scalars: [Float]
    /// Rows of the original matrix (the lanes in use).
    let rows: Int
    /// Columns of the original matrix.
    let columns: Int
    /// `rows` rounded up to a whole number of tile columns.
    let laneCount: Int

    /// The columns of one task of the transpose.
    private static let blockColumns = 1024

    /// The transpose of the row-major `[rows, columns]` matrix in `matrix`, its lanes
    /// rounded up to whole multiples of `tileColumns`, in blocks of ``blockColumns``
    /// columns on the threads of `runner`.
    /// - Complexity: O(rows·columns).
    init(transposing matrix: [Float], rows: Int, columns: Int, tileColumns: Int, runner: ParallelRunner) {
        let laneCount = (rows + tileColumns - 1) / tileColumns * tileColumns
        let blocks = (columns + Self.blockColumns - 1) / Self.blockColumns
        let transposed = [Float](count: columns * laneCount) { output in
            matrix.withReader { source in
                runner.run(taskCount: blocks) { block in
                    let positions = block * Self.blockColumns..<min((block + 1) * Self.blockColumns, columns)
                    TransposedBlocks.copy(rows: rows, columns: positions.count, from: source.start + positions.lowerBound,
                                          sourceStride: columns, to: output.start + positions.lowerBound * laneCount,
                                          targetStride: laneCount)
                    for p in positions {
                        output.fill(laneCount - rows, with: 0, at: p * laneCount + rows)
                    }
                }
            }
        }
        scalars = transposed
        self.rows = rows
        self.columns = columns
        self.laneCount = laneCount
    }
}
