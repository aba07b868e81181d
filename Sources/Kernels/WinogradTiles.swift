/// The 4 x 4 output tiles of an `height x width` image under Winograd's arithmetic, and
/// the 6 x 6 input patches they read (``WinogradTransform``).
struct WinogradTiles {
    /// Image rows.
    let height: Int
    /// Image columns.
    let width: Int
    /// Tile rows, `⌈height / 4⌉`.
    var rows: Int { (height + 3) / 4 }
    /// Tile columns, `⌈width / 4⌉`.
    var columns: Int { (width + 3) / 4 }
    /// Tiles of one image.
    var count: Int { rows * columns }

    /// The sides of the image padded with `margin` rows and columns before it and as many
    /// after whole tiles: margin 0 holds every output tile, margin 1 every input patch.
    func padded(margin: Int) -> (rows: Int, columns: Int) {
        (4 * rows + 2 * margin, 4 * columns + 2 * margin)
    }

    /// Positions of the image padded with `margin` (``padded(margin:)``).
    func paddedCount(margin: Int) -> Int {
        let (rows, columns) = padded(margin: margin)
        return rows * columns
    }

    /// Every tile (ty, tx), in row-major order.
    var positions: [(Int, Int)] {
        (0..<rows).flatMap { ty in (0..<columns).map { (ty, $0) } }
    }

    /// Calls `body(a, b, y, x)` for each element (a, b) of tile (ty, tx)'s `side x side`
    /// square whose element (0, 0) is image position `(4·ty + offset, 4·tx + offset)`: the
    /// elements inside the image, at (y, x), in row-major order. The output tile is the
    /// square of side 4 at offset 0; the input patch, of side 6 at offset -1.
    func forEachElement(_ ty: Int, _ tx: Int, side: Int, offset: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let (top, left) = (4 * ty + offset, 4 * tx + offset)
        for a in 0..<side where (0..<height).contains(top + a) {
            for b in 0..<side where (0..<width).contains(left + b) {
                body(a, b, top + a, left + b)
            }
        }
    }
}
