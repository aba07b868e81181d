import KernelLoops

/// The channels of a `[C, H, W]` tensor rearranged into flat planes in which every tap of
/// a kernel is a fixed offset: the source that the fast kernels read through a
/// ``TapLayout``.
///
/// Positions that do not come from the tensor hold 0.0 (the zero padding). The planes
/// are followed by the widest tile's columns of zeros, so that the whole-tile reads of the
/// last kept positions stay inside the buffer.
///
/// The constructors fill the channels on the threads of a ``ParallelRunner``, a channel
/// to a task: a copy on one thread left the other threads waiting for it.
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
    /// The images of a batch held one below the other in each plane.
    let images: Int
    /// Rows from one image's first row to the next image's, when ``images`` is over 1.
    let imageRows: Int?

    /// `tensor` with `padding` rows and columns of zeros on every side, the rows sharing
    /// their side columns: channel c holds one plane of `H+2p` rows of `W+p` elements, each
    /// row p zeros and then a row of the tensor (`tensor[c, y, x]` at `[y+p, x+p]`), and
    /// the top and bottom p rows zeros. The p zeros that end a row in the padded tensor are
    /// the zeros that start the next row, so a read past the end of a row (up to p columns)
    /// finds the zeros it would find in a plane of `W+2p` columns, as does a read before
    /// its start, and a product over the rows computes `W+p` columns a row instead of
    /// `W+2p`. A batch `[N, C, H, W]` gives each channel N such planes, one below the other,
    /// image n's at row `n·(H+2p)`, so that one layout reads every image (``imageRows`` is
    /// H+2p). `images` picks a run of a batch's images (all of them by default).
    /// - Complexity: O(N·C·(H+2p)·(W+p)).
    init(zeroPadding tensor: Tensor, padding: Int, images run: Range<Int>? = nil, runner: ParallelRunner) {
        let run = run ?? 0..<tensor.imageCount()
        let images = run.count
        let channels = tensor.shape[tensor.shape.count - 3]
        let (h, w) = (tensor.shape[tensor.shape.count - 2], tensor.shape[tensor.shape.count - 1])
        let rowStride = w + padding
        let imageRows = h + 2 * padding
        self.init(channels: channels, planes: 1, planeHeight: images * imageRows, planeWidth: rowStride,
                  images: images, imageRows: imageRows, runner: runner) { planes, channel, channelStart in
            tensor.scalars.withReader { source in
                for image in 0..<images {
                    let start = channelStart + image * imageRows * rowStride
                    planes.fill(padding * rowStride + padding, with: 0, at: start)
                    for y in 0..<h {
                        let rowStart = start + (y + padding) * rowStride + padding
                        planes.copy(w, from: source, at: (((run.lowerBound + image) * channels + channel) * h + y) * w,
                                    to: rowStart)
                        // The right padding of this row, which is the left padding of the next.
                        planes.fill(padding, with: 0, at: rowStart + w)
                    }
                    let end = start + (h + padding) * rowStride + padding
                    planes.fill((padding - 1) * rowStride + rowStride - padding, with: 0, at: end)
                }
            }
        }
    }

    /// `tensor` split into its four stride-2 phases: channel c holds four planes of
    /// `ceil(H/2) x ceil(W/2)`, plane `2·ry + rx` holding `tensor[c, 2u+ry, 2v+rx]` at
    /// `[u, v]` (0.0 where that lies outside the tensor). A stride-2 tap `(kh, kw)` then
    /// reads plane `2·(kh%2) + kw%2` at offset `(kh/2, kw/2)`.
    /// - Complexity: O(C·H·W).
    init(phasesOf tensor: Tensor, runner: ParallelRunner) {
        let (h, w) = (tensor.shape[1], tensor.shape[2])
        let (planeHeight, planeWidth) = ((h + 1) / 2, (w + 1) / 2)
        self.init(channels: tensor.shape[0], planes: 4, planeHeight: planeHeight, planeWidth: planeWidth,
                  runner: runner) { planes, channel, start in
            tensor.scalars.withReader { source in
                var index = start
                for phase in 0..<4 {
                    for u in 0..<planeHeight {
                        for v in 0..<planeWidth {
                            let (y, x) = (2 * u + phase / 2, 2 * v + phase % 2)
                            planes[index] = y < h && x < w ? source[(channel * h + y) * w + x] : 0
                            index += 1
                        }
                    }
                }
            }
        }
    }

    /// The im2col matrix of `layout` over `planes`, transposed: channel p (a kept grid
    /// position, row-major) holds one row whose element r is `B[r][p]`, the value that
    /// matrix row r of `layout` reads at that position. Read it with ``columnLayout(rows:)``.
    /// - Complexity: O(layout.rowCount·gridHeight·gridWidth).
    init(columnsOf layout: TapLayout, in planes: PlaneBuffer, runner: ParallelRunner) {
        let rows = layout.rowCount
        let rowOffsets = layout.rowOffsets
        let rowStride = (rows + TileVector.scalarCount - 1) / TileVector.scalarCount * TileVector.scalarCount
        self.init(channels: layout.gridHeight * layout.gridWidth, planes: 1, planeHeight: 1, planeWidth: rowStride,
                  runner: runner) { columns, position, start in
            planes.scalars.withReader { source in
                let (gy, gx) = position.quotientAndRemainder(dividingBy: layout.gridWidth)
                let offset = gy * layout.rowStride + gx
                for (r, rowOffset) in rowOffsets.enumerated() {
                    columns[start + r] = source[rowOffset + offset]
                }
                columns.fill(rowStride - rows, with: 0, at: start + rows)
            }
        }
    }

    /// Allocates the planes and fills them, the channels on the threads of `runner`:
    /// `fillChannel(planes, c, start)` must write every one of the `channelStride` elements
    /// of channel c, which start at `start`, and nothing else.
    private init(channels: Int, planes: Int, planeHeight: Int, planeWidth: Int, images: Int = 1,
                 imageRows: Int? = nil, runner: ParallelRunner,
                 fillChannel: @Sendable (BufferWriter<Float>, Int, Int) -> Void) {
        self.channels = channels
        self.images = images
        self.imageRows = imageRows
        rowStride = planeWidth
        planeStride = planeHeight * planeWidth
        let channelStride = planes * planeStride
        self.channelStride = channelStride
        scalars = [Float](count: channels * channelStride + TileShape.maximumColumns) { planes in
            runner.run(taskCount: channels) { channel in
                fillChannel(planes, channel, channel * channelStride)
            }
            planes.fill(TileShape.maximumColumns, with: 0, at: channels * channelStride)
        }
    }

    /// A layout over this buffer's channels, and over each of its images.
    /// - Parameters:
    ///   - tapOffsets: the offset of each tap inside a channel, in chain order.
    ///   - gridHeight: output grid rows of one image.
    ///   - gridWidth: output grid columns, at most ``rowStride``.
    func layout(tapOffsets: [Int], gridHeight: Int, gridWidth: Int) -> TapLayout {
        TapLayout(channels: channels, channelStride: channelStride, rowStride: rowStride,
                  tapOffsets: tapOffsets, gridHeight: gridHeight, gridWidth: gridWidth, images: images,
                  imageRows: imageRows)
    }

    /// The layout of a buffer made by ``init(columnsOf:in:)`` for a layout of `rows`
    /// rows: matrix row p and column r read `B[r][p]`.
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
