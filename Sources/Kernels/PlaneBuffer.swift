/// The channels of a `[C, H, W]` tensor rearranged into flat planes in which every tap of
/// a kernel is a fixed offset: the source that the fast kernels read through a
/// ``TapLayout``.
///
/// Positions that do not come from the tensor hold 0.0 (the zero padding). The planes
/// are followed by at least one vector of zeros, so that the whole-vector reads of the
/// last kept positions stay inside the buffer.
struct PlaneBuffer {
    /// The planes, then the trailing zeros.
    private(set) var scalars: [Float]
    /// Channels.
    let channels: Int
    /// Elements between consecutive channels.
    let channelStride: Int
    /// Elements between consecutive rows of a plane.
    let rowStride: Int
    /// Elements between consecutive planes of one channel (equal to `channelStride` when a
    /// channel has one plane).
    let planeStride: Int

    /// `tensor` with `padding` rows and columns of zeros on every side: channel c holds one
    /// `(H+2p) x (W+2p)` plane whose element `[y, x]` is `tensor[c, y-p, x-p]`.
    /// - Complexity: O(C·(H+2p)·(W+2p)).
    init(zeroPadding tensor: Tensor, padding: Int) {
        let (c, h, w) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        self.init(channels: c, planes: 1, planeHeight: h + 2 * padding, planeWidth: w + 2 * padding)
        let (channelStride, rowStride) = (self.channelStride, self.rowStride)
        scalars.withWriter { planes in
            tensor.scalars.withReader { source in
                for channel in 0..<c {
                    for y in 0..<h {
                        planes.copy(w, from: source, at: (channel * h + y) * w,
                                    to: channel * channelStride + (y + padding) * rowStride + padding)
                    }
                }
            }
        }
    }

    /// `tensor` split into its four stride-2 phases: channel c holds four planes of
    /// `ceil(H/2) x ceil(W/2)`, plane `2·ry + rx` holding `tensor[c, 2u+ry, 2v+rx]` at
    /// `[u, v]` (0.0 where that lies outside the tensor). A stride-2 tap `(kh, kw)` then
    /// reads plane `2·(kh%2) + kw%2` at offset `(kh/2, kw/2)`.
    /// - Complexity: O(C·H·W).
    init(phasesOf tensor: Tensor) {
        let (c, h, w) = (tensor.shape[0], tensor.shape[1], tensor.shape[2])
        self.init(channels: c, planes: 4, planeHeight: (h + 1) / 2, planeWidth: (w + 1) / 2)
        let (channelStride, rowStride, planeStride) = (self.channelStride, self.rowStride, self.planeStride)
        scalars.withWriter { planes in
            tensor.scalars.withReader { source in
                for channel in 0..<c {
                    for y in 0..<h {
                        let rowStart = channel * channelStride + (y % 2) * 2 * planeStride + (y / 2) * rowStride
                        for x in 0..<w {
                            planes[rowStart + (x % 2) * planeStride + x / 2] = source[(channel * h + y) * w + x]
                        }
                    }
                }
            }
        }
    }

    /// The im2col matrix of `layout` over `planes`, transposed: channel p (a kept grid
    /// position, row-major) holds one row whose element r is `B[r][p]`, the value that
    /// matrix row r of `layout` reads at that position. Read it with ``columnLayout``.
    /// - Complexity: O(layout.rowCount·gridHeight·gridWidth).
    init(columnsOf layout: TapLayout, in planes: PlaneBuffer) {
        let rows = layout.rowCount
        let positions = layout.gridHeight * layout.gridWidth
        self.init(channels: positions, planes: 1, planeHeight: 1,
                  planeWidth: (rows + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount)
        let channelStride = self.channelStride
        let rowOffsets = layout.rowOffsets
        scalars.withWriter { columns in
            planes.scalars.withReader { source in
                for gy in 0..<layout.gridHeight {
                    for gx in 0..<layout.gridWidth {
                        let position = gy * layout.rowStride + gx
                        let start = (gy * layout.gridWidth + gx) * channelStride
                        for (r, offset) in rowOffsets.enumerated() {
                            columns[start + r] = source[offset + position]
                        }
                    }
                }
            }
        }
    }

    private init(channels: Int, planes: Int, planeHeight: Int, planeWidth: Int) {
        self.channels = channels
        rowStride = planeWidth
        planeStride = planeHeight * planeWidth
        channelStride = planes * planeStride
        scalars = [Float](repeating: 0, count: channels * channelStride + Lanes.scalarCount)
    }

    /// A layout over this buffer's channels.
    /// - Parameters:
    ///   - tapOffsets: the offset of each tap inside a channel, in chain order.
    ///   - gridHeight: output grid rows.
    ///   - gridWidth: output grid columns, at most ``rowStride``.
    func layout(tapOffsets: [Int], gridHeight: Int, gridWidth: Int) -> TapLayout {
        TapLayout(channels: channels, channelStride: channelStride, rowStride: rowStride,
                  tapOffsets: tapOffsets, gridHeight: gridHeight, gridWidth: gridWidth)
    }

    /// The layout of a buffer made by ``init(columnsOf:in:)`` for a layout of `rows` rows:
    /// matrix row p and column r read `B[r][p]`.
    func columnLayout(rows: Int) -> TapLayout {
        layout(tapOffsets: [0], gridHeight: 1, gridWidth: rows)
    }

    /// Appends zeros, if needed, so that every whole-vector read of `layout` stays inside
    /// the buffer.
    mutating func reserveReads(of layout: TapLayout) {
        let missing = layout.requiredBufferCount - scalars.count
        if missing > 0 {
            scalars.append(contentsOf: repeatElement(0, count: missing))
        }
    }
}
