/// The vector of the fast kernels' inner loops: one register tile row spans this many
/// output elements.
///
/// 16 floats are two AVX2 registers or one AVX-512 register. Changing the width changes
/// speed only: lanes are independent output elements, never parts of one sum.
typealias Lanes = SIMD16<Float>

/// Six rows of `Lanes` accumulators held in registers: the micro-kernel of the fast
/// convolutions.
///
/// Each lane of each row is one output element's chain; ``addProducts(_:_:_:_:_:_:_:)``
/// advances all 96 chains by one fused multiply-add. With AVX2 the tile fills 12 of the 16
/// vector registers, leaving room for the column operand and one broadcast.
struct RegisterTile {
    /// The rows of a tile.
    static let rows = 6

    private var row0: Lanes
    private var row1: Lanes
    private var row2: Lanes
    private var row3: Lanes
    private var row4: Lanes
    private var row5: Lanes

    /// A tile whose row r starts every lane at `starts[first + r]` for `r < validRows`, and
    /// at 0 in the rows past them.
    @inline(__always)
    init(starts: BufferReader<Float>, first: Int, validRows: Int) {
        func start(_ r: Int) -> Lanes { Lanes(repeating: r < validRows ? starts[first + r] : 0) }
        row0 = start(0)
        row1 = start(1)
        row2 = start(2)
        row3 = start(3)
        row4 = start(4)
        row5 = start(5)
    }

    /// A tile of zeros.
    @inline(__always)
    init() {
        row0 = Lanes()
        row1 = Lanes()
        row2 = Lanes()
        row3 = Lanes()
        row4 = Lanes()
        row5 = Lanes()
    }

    /// `row_r = row_r.addingProduct(a_r, column)` for every row r: one fused multiply-add
    /// per lane, the lane's column value times the row's scalar.
    @inline(__always)
    mutating func addProducts(_ column: Lanes, _ a0: Float, _ a1: Float, _ a2: Float,
                              _ a3: Float, _ a4: Float, _ a5: Float) {
        row0 = row0.addingProduct(Lanes(repeating: a0), column)
        row1 = row1.addingProduct(Lanes(repeating: a1), column)
        row2 = row2.addingProduct(Lanes(repeating: a2), column)
        row3 = row3.addingProduct(Lanes(repeating: a3), column)
        row4 = row4.addingProduct(Lanes(repeating: a4), column)
        row5 = row5.addingProduct(Lanes(repeating: a5), column)
    }

    /// Calls `body` with the tile's elements in a temporary row-major `[rows, Lanes.scalarCount]`
    /// buffer (for scattering them one by one).
    @inline(__always)
    func withElements<Result>(_ body: (BufferReader<Float>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.rows * Lanes.scalarCount) { buffer in
            store(into: BufferWriter(buffer), at: 0, rowStride: Lanes.scalarCount, validRows: Self.rows)
            return body(BufferReader(UnsafeBufferPointer(buffer)))
        }
    }

    /// Stores rows `0..<validRows`, row r at `start + r * rowStride`.
    @inline(__always)
    func store(into output: BufferWriter<Float>, at start: Int, rowStride: Int, validRows: Int) {
        if validRows > 0 { output.storeLanes(row0, at: start) }
        if validRows > 1 { output.storeLanes(row1, at: start + rowStride) }
        if validRows > 2 { output.storeLanes(row2, at: start + 2 * rowStride) }
        if validRows > 3 { output.storeLanes(row3, at: start + 3 * rowStride) }
        if validRows > 4 { output.storeLanes(row4, at: start + 4 * rowStride) }
        if validRows > 5 { output.storeLanes(row5, at: start + 5 * rowStride) }
    }
}
