/// The vector of the register tiles: 16 floats, one AVX-512 register, two AVX2 registers
/// or four NEON registers.
public typealias TileVector = SIMD16<Float>

/// `rowCount` rows of `vectorCount` ``TileVector`` accumulators, held in registers: the
/// micro-kernel of the fast convolutions, as compiled in the module of `Path`.
///
/// `Path` keeps each instruction set's copy apart: the compiler names a specialised
/// generic function by its type arguments, and the linker keeps one function of a name, so
/// a copy that every kernel module shared could run one module's instructions on behalf of
/// another. With the module's own type among the arguments, each copy has a name of its own.
///
/// Each lane of each row is one output element's chain; ``addProducts(columns:weight:)``
/// advances every chain by one fused multiply-add. The shape changes speed only: lanes and
/// rows are independent output elements, never parts of one sum.
@frozen
public struct RegisterTile<Path: TileKernels, let rowCount: Int, let vectorCount: Int> {
    /// Row r, vector c holds the chains of row r, columns `16c..<16c+16`.
    @usableFromInline
    var accumulators: InlineArray<rowCount, InlineArray<vectorCount, TileVector>>

    /// A tile whose rows `0..<validRows` start every lane at `starts[r]`, and whose other
    /// rows start at 0.
    @inlinable @inline(__always)
    public init(starts: UnsafePointer<Float>, validRows: Int) {
        accumulators = InlineArray { r in
            InlineArray(repeating: TileVector(repeating: r < validRows ? starts[r] : 0))
        }
    }

    /// A tile that continues the chains that ``write(to:)`` wrote to `elements`.
    @inlinable @inline(__always)
    public init(loading elements: UnsafePointer<Float>) {
        accumulators = InlineArray { r in
            InlineArray { c in
                UnsafeRawPointer(elements + (r * vectorCount + c) * TileVector.scalarCount)
                    .loadUnaligned(as: TileVector.self)
            }
        }
    }

    /// A tile of zeros.
    @inlinable @inline(__always)
    public init() {
        accumulators = InlineArray(repeating: InlineArray(repeating: TileVector()))
    }

    /// `row_r = row_r + weight(r) · columns` for every row r, lane by lane, one fused
    /// multiply-add each; `columns` holds the tile's `16 · vectorCount` column values,
    /// contiguous.
    @inlinable @inline(__always)
    public mutating func addProducts(columns: UnsafePointer<Float>, weight: (Int) -> Float) {
        var column = InlineArray<vectorCount, TileVector>(repeating: TileVector())
        for c in 0..<vectorCount {
            column[c] = UnsafeRawPointer(columns + c &* TileVector.scalarCount).loadUnaligned(as: TileVector.self)
        }
        for r in 0..<rowCount {
            let weight = TileVector(repeating: weight(r))
            for c in 0..<vectorCount {
                accumulators[r][c] = accumulators[r][c].addingProduct(weight, column[c])
            }
        }
    }

    /// `row_r = row_r + weights[rowOffsets[r]] · columns` for every row r; see
    /// ``addProducts(columns:weight:)``.
    @inlinable @inline(__always)
    public mutating func addProducts(columns: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                                     rowOffsets: InlineArray<rowCount, Int>) {
        addProducts(columns: columns) { weights[rowOffsets[$0]] }
    }

    /// Stores rows `0..<validRows` at `elements`, row r's vectors one after the other from
    /// `elements + r·rowStride`, straight from the registers.
    @inlinable @inline(__always)
    public func store(to elements: UnsafeMutablePointer<Float>, rowStride: Int, validRows: Int) {
        for r in 0..<rowCount where r < validRows {
            for c in 0..<vectorCount {
                UnsafeMutableRawPointer(elements + (r &* rowStride &+ c &* TileVector.scalarCount))
                    .storeBytes(of: accumulators[r][c], as: TileVector.self)
            }
        }
    }

    /// Writes every accumulator to `elements`, row-major `[rowCount, 16 · vectorCount]`.
    ///
    /// Reading a tile at indices known only at run time would keep its accumulators in
    /// memory all along; kernels copy it out once and read the copy.
    @inlinable @inline(__always)
    public func write(to elements: UnsafeMutablePointer<Float>) {
        store(to: elements, rowStride: vectorCount * TileVector.scalarCount, validRows: rowCount)
    }
}
