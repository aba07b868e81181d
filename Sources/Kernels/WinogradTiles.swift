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

    /// Every tile (ty, tx), in row-major order.
    var positions: [(Int, Int)] {
        (0..<rows).flatMap { ty in (0..<columns).map { (ty, $0) } }
    }

    /// The image position of patch (ty, tx)'s element (0, 0).
    func patchOrigin(_ ty: Int, _ tx: Int) -> (Int, Int) {
        (4 * ty - 1, 4 * tx - 1)
    }

    /// Calls `body(i, j, y, x)` for each element (i, j) of output tile (ty, tx) inside the
    /// image, at (y, x), in row-major order.
    func forEachOutput(_ ty: Int, _ tx: Int, _ body: (Int, Int, Int, Int) -> Void) {
        for i in 0..<4 where 4 * ty + i < height {
            for j in 0..<4 where 4 * tx + j < width {
                body(i, j, 4 * ty + i, 4 * tx + j)
            }
        }
    }

    /// Calls `body(a, b, y, x)` for each element (a, b) of patch (ty, tx) inside the image,
    /// at (y, x), in row-major order.
    func forEachPatchElement(_ ty: Int, _ tx: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let (top, left) = patchOrigin(ty, tx)
        for a in 0..<6 where (0..<height).contains(top + a) {
            for b in 0..<6 where (0..<width).contains(left + b) {
                body(a, b, top + a, left + b)
            }
        }
    }
}

extension WinogradTiles {
    /// Copies the `side x side` squares of one tile row of `plane` (an `height x width`
    /// channel) into `squares`, tiles in lanes: element (a, b) of tile tx, which is plane
    /// position `(top + a, leftOfFirst + 4·tx + b)`, goes to `squares[(a·side + b)·columns + tx]`,
    /// 0 where the position is outside the plane.
    func gather(_ plane: UnsafePointer<Float>, side: Int, top: Int, leftOfFirst: Int, into squares: inout [Float]) {
        for a in 0..<side {
            let y = top + a
            let inside = (0..<height).contains(y)
            for b in 0..<side {
                let row = (a * side + b) * columns
                for tx in 0..<columns {
                    let x = leftOfFirst + 4 * tx + b
                    squares[row + tx] = inside && (0..<width).contains(x) ? plane[y * width + x] : 0
                }
            }
        }
    }
}
