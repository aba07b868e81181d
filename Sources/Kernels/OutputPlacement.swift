/// Where a product's element `(m, gy, gx)` (output channel, grid row, grid column) of
/// image n goes in the output scalars: `offset + n·imageStride + m·channelStride + gy·rowStep + gx·columnStep`.
struct OutputPlacement {
    /// Elements between consecutive images of a batch.
    let imageStride: Int
    /// Elements between consecutive output channels.
    let channelStride: Int
    /// Elements between consecutive grid rows.
    let rowStep: Int
    /// Elements between consecutive grid columns.
    let columnStep: Int
    /// The position of element `(0, 0, 0)` of the first image.
    let offset: Int

    /// Dense `[channels, height, width]` images, one after the other, the product's first
    /// image going to image `firstImage`.
    static func dense(channels: Int, height: Int, width: Int, firstImage: Int = 0) -> OutputPlacement {
        let imageStride = channels * height * width
        return OutputPlacement(imageStride: imageStride, channelStride: height * width, rowStep: width,
                               columnStep: 1, offset: firstImage * imageStride)
    }
}
