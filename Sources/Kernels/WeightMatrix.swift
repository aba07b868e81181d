/// A weight tensor read in place as the left matrix `A[row][k]` of a ``TapProduct``:
/// `A[row][k] = weight[row·rowStride + columnOffsets[k]]`.
///
/// Row and column offsets express every use without a copy: the forward convolution
/// (`[Co, Ci, k, k]` as is), its input gradient (transposed and flipped), the transposed
/// convolution's phases and input gradient, and an activation `[C, P]` read as a matrix.
struct WeightMatrix {
    /// Matrix rows (the product's output channels).
    let rows: Int
    /// Weight elements between consecutive rows.
    let rowStride: Int
    /// The weight offset of each column within a row, in chain order.
    let columnOffsets: [Int]

    /// Columns `(channel, tap)`, the tap varying fastest: `channel·channelStride + tapOffsets[tap]`.
    init(rows: Int, rowStride: Int, channels: Int, channelStride: Int, tapOffsets: [Int]) {
        self.rows = rows
        self.rowStride = rowStride
        columnOffsets = channelTapOffsets(channels: channels, channelStride: channelStride, tapOffsets: tapOffsets)
    }

    /// A row-major `[rows, columns]` matrix.
    init(rows: Int, columns: Int) {
        self.init(rows: rows, rowStride: columns, channels: columns, channelStride: 1, tapOffsets: [0])
    }

    /// Matrix columns, the length of every chain.
    var columnCount: Int { columnOffsets.count }
}
