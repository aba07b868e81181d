import KernelLoops

/// How a ``PlaneBuffer`` is read as an implicit im2col matrix: matrix row `(channel, tap)`
/// and column `q = gy·rowStride + gx` hold `buffer[channel·channelStride + tapOffsets[tap] + q]`.
///
/// The columns cover an output grid of `gridHeight x gridWidth` positions on rows of
/// `rowStride` columns: columns with `gx >= gridWidth` are padding whose values the
/// kernels compute and discard, which lets one vector load serve consecutive positions
/// across grid rows. A batch of `images` grids lies one below the other, `imageRows` grid
/// rows apart: the rows between one image's last kept row and the next image's first are
/// computed and discarded too.
struct TapLayout {
    /// Channels of the buffer that the matrix reads.
    let channels: Int
    /// Elements between consecutive channels of the buffer.
    let channelStride: Int
    /// Elements between consecutive grid rows.
    let rowStride: Int
    /// The offset of each tap inside a channel, in chain order.
    let tapOffsets: [Int]
    /// Grid rows.
    let gridHeight: Int
    /// Grid columns that are kept (`<= rowStride`).
    let gridWidth: Int
    /// The grids of a batch.
    let images: Int
    /// Grid rows from one image's first row to the next image's (`>= gridHeight`).
    let imageRows: Int

    /// A layout of one grid, or of `images` grids `imageRows` rows apart; `gridWidth` may
    /// not exceed `rowStride`, nor `gridHeight` `imageRows`.
    init(channels: Int, channelStride: Int, rowStride: Int, tapOffsets: [Int], gridHeight: Int, gridWidth: Int,
         images: Int = 1, imageRows: Int? = nil) {
        precondition(gridWidth <= rowStride && gridHeight >= 0 && gridWidth >= 0,
                     "a \(gridHeight) x \(gridWidth) grid does not fit rows of \(rowStride)")
        precondition(images >= 1 && (imageRows ?? gridHeight) >= gridHeight,
                     "\(images) grids of \(gridHeight) rows do not fit \(imageRows ?? gridHeight) rows apart")
        self.channels = channels
        self.channelStride = channelStride
        self.rowStride = rowStride
        self.tapOffsets = tapOffsets
        self.gridHeight = gridHeight
        self.gridWidth = gridWidth
        self.images = images
        self.imageRows = imageRows ?? gridHeight
    }

    /// Matrix rows: channels times taps.
    var rowCount: Int { channels * tapOffsets.count }

    /// The buffer offset of every matrix row, `(channel, tap)` with the tap varying fastest.
    var rowOffsets: [Int] {
        channelTapOffsets(channels: channels, channelStride: channelStride, tapOffsets: tapOffsets)
    }

    /// The columns up to the last kept position of the last image,
    /// `((images-1)·imageRows + gridHeight-1)·rowStride + gridWidth`.
    var columnSpan: Int {
        gridHeight == 0 || gridWidth == 0 ? 0 : ((images - 1) * imageRows + gridHeight - 1) * rowStride + gridWidth
    }

    /// The buffer length that reading every row over ``columnSpan`` columns rounded up to
    /// the widest tile of any kernel path needs.
    var requiredBufferCount: Int {
        guard rowCount > 0, columnSpan > 0 else { return 0 }
        let widest = TileShape.maximumColumns
        return (channels - 1) * channelStride + (tapOffsets.max() ?? 0) + (columnSpan + widest - 1) / widest * widest
    }
}

/// `channel·channelStride + tapOffsets[tap]` for every `(channel, tap)`, the tap varying
/// fastest: the offsets of a ``TapLayout``'s rows and of a ``WeightMatrix``'s columns.
func channelTapOffsets(channels: Int, channelStride: Int, tapOffsets: [Int]) -> [Int] {
    [Int](unsafeUninitializedCapacity: channels * tapOffsets.count) { offsets, count in
        for c in 0..<channels {
            for (tap, offset) in tapOffsets.enumerated() {
                offsets[c * tapOffsets.count + tap] = c * channelStride + offset
            }
        }
        count = channels * tapOffsets.count
    }
}
