import RandomStreams

/// Smooth random values over a rectangle: uniform values in [-1, 1] on a lattice of
/// `cellWidth` x `cellHeight` cells, blended inside each cell with the quintic fade
/// `6t^5 - 15t^4 + 10t^3` (smooth across cell borders). Only basic IEEE arithmetic, so
/// the values are the same on every machine.
struct ValueNoise {
    private let cellWidth: Double
    private let cellHeight: Double
    private let columns: Int
    private let rows: Int
    private let lattice: [Double]

    /// Noise over [0, width] x [0, height], drawing one number per lattice point from
    /// `stream`, row by row.
    init(width: Double, height: Double, cellWidth: Double, cellHeight: Double, stream: inout RandomStream) {
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        columns = Int(width / cellWidth) + 2
        rows = Int(height / cellHeight) + 2
        lattice = (0..<columns * rows).map { _ in 2 * stream.nextDouble() - 1 }
    }

    /// Noise with square cells of side `cellSize`.
    init(width: Double, height: Double, cellSize: Double, stream: inout RandomStream) {
        self.init(width: width, height: height, cellWidth: cellSize, cellHeight: cellSize, stream: &stream)
    }

    /// The value at (x, y); points outside the rectangle take the value at its border.
    /// - Complexity: O(1).
    func value(x: Double, y: Double) -> Double {
        let gx = min(max(x / cellWidth, 0), Double(columns - 1))
        let gy = min(max(y / cellHeight, 0), Double(rows - 1))
        let column = min(Int(gx), columns - 2), row = min(Int(gy), rows - 2)
        let u = Self.fade(gx - Double(column)), v = Self.fade(gy - Double(row))
        let corner = row * columns + column
        let top = lattice[corner] + u * (lattice[corner + 1] - lattice[corner])
        let bottom = lattice[corner + columns] + u * (lattice[corner + columns + 1] - lattice[corner + columns])
        return top + v * (bottom - top)
    }

    private static func fade(_ t: Double) -> Double {
        t * t * t * (t * (t * 6 - 15) + 10)
    }
}
