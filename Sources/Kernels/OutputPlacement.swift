/// Where a product's element `(m, gy, gx)` (output channel, grid row, grid column) goes
/// in the output scalars: `offset + m·channelStride + gy·rowStep + gx·columnStep`.
struct OutputPlacement {
    /// Elements between consecutive output channels.
    let channelStride: Int
    /// Elements between consecutive grid rows.
    let rowStep: Int
    /// Elements between consecutive grid columns.
    let columnStep: Int
    /// The position of element `(0, 0, 0)`.
    let offset: Int

    /// A dense `[channels, height, width]` tensor.
    static func dense(height: Int, width: Int) -> OutputPlacement {
        OutputPlacement(channelStride: height * width, rowStep: width, columnStep: 1, offset: 0)
    }

    /// The position of element `(m, gy, gx)`.
    @inline(__always)
    func index(channel m: Int, row gy: Int, column gx: Int) -> Int {
        offset + m * channelStride + gy * rowStep + gx * columnStep
    }
}
