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

extension WinogradTiles {
    /// Copies the `side x side` square of every tile of `plane` (an `height x width`
    /// channel) into `squares`, tiles in lanes: element (a, b) of tile (ty, tx), which is
    /// plane position `(4·ty + offset + a, 4·tx + offset + b)`, goes to
    /// `squares[(a·side + b)·count + ty·columns + tx]`, 0 where the position is outside the plane.
    func gather(_ plane: UnsafePointer<Float>, side: Int, offset: Int, into squares: UnsafeMutablePointer<Float>) {
        for a in 0..<side {
            for b in 0..<side {
                let left = offset + b
                // Tiles tx with 0 <= left + 4·tx < width.
                let firstInside = left < 0 ? (3 - left) / 4 : 0
                let endInside = left < width ? min(columns, (width - 1 - left) / 4 + 1) : 0
                for ty in 0..<rows {
                    let y = 4 * ty + offset + a
                    let row = squares + (a * side + b) * count + ty * columns
                    guard (0..<height).contains(y), firstInside < endInside else {
                        row.update(repeating: 0, count: columns)
                        continue
                    }
                    row.update(repeating: 0, count: firstInside)
                    let source = plane + y * width + left
                    for tx in firstInside..<endInside {
                        row[tx] = source[4 * tx]
                    }
                    (row + endInside).update(repeating: 0, count: columns - endInside)
                }
            }
        }
    }

    /// Copies the 6 x 6 input patch of tile (ty, tx) of every channel of `image` (`[C, H, W]`)
    /// into `patch`, channels in lanes: element (a, b) of channel c, image position
    /// `(4·ty - 1 + a, 4·tx - 1 + b)`, goes to `patch[(a·6 + b)·channels + c]`, 0 where the
    /// position is outside the image.
    func gatherPatch(_ ty: Int, _ tx: Int, channels: Int, of image: UnsafePointer<Float>,
                     into patch: UnsafeMutablePointer<Float>) {
        let (top, left) = (4 * ty - 1, 4 * tx - 1)
        let inside = (rows: max(0, -top)..<min(6, height - top), columns: max(0, -left)..<min(6, width - left))
        if inside.rows.count < 6 || inside.columns.count < 6 {
            patch.update(repeating: 0, count: 36 * channels)
        }
        for c in 0..<channels {
            let plane = image + c * height * width
            for a in inside.rows {
                for b in inside.columns {
                    patch[(a * 6 + b) * channels + c] = plane[(top + a) * width + left + b]
                }
            }
        }
    }

    /// Writes the output tiles that ``gather(_:side:offset:into:)`` reads (side 4, offset 0)
    /// back into `plane`, each position plus `bias`: position (y, x) is element
    /// `(y mod 4, x mod 4)` of tile `(y / 4, x / 4)`.
    func crop(_ squares: UnsafePointer<Float>, adding bias: Float, into plane: UnsafeMutablePointer<Float>) {
        for ty in 0..<rows {
            for a in 0..<min(4, height - 4 * ty) {
                let row = plane + (4 * ty + a) * width
                let source = squares + a * 4 * count + ty * columns
                for tx in 0..<columns {
                    for b in 0..<min(4, width - 4 * tx) {
                        row[4 * tx + b] = source[b * count + tx] + bias
                    }
                }
            }
        }
    }

    /// Adds the input patches of the tiles (side 6, offset -1, laid out as
    /// ``gather(_:side:offset:into:)`` lays them) into `plane`, tiles in row-major order,
    /// each patch row by row: position (y, x) inside the plane becomes its value plus the
    /// element of each patch that covers it, in that order.
    func addPatches(_ squares: UnsafePointer<Float>, into plane: UnsafeMutablePointer<Float>) {
        for ty in 0..<rows {
            for a in max(0, 1 - 4 * ty)..<min(6, height + 1 - 4 * ty) {
                let row = plane + (4 * ty - 1 + a) * width
                let source = squares + a * 6 * count + ty * columns
                for tx in 0..<columns {
                    let left = 4 * tx - 1
                    for b in max(0, -left)..<min(6, width - left) {
                        row[left + b] = row[left + b] + source[b * count + tx]
                    }
                }
            }
        }
    }
}
