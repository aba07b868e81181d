/// The two-pass transforms of Winograd's arithmetic applied to many squares at once, eight
/// at a time in vectors, with the bits of `WinogradTransform.apply` (in Kernels) for each,
/// as compiled in the module of `Path` (which names each instruction set's copy apart: see
/// ``RegisterTile``).
public enum WinogradLanes<Path: TileKernels> {
    /// The lanes of one vector.
    public typealias LaneVector = SIMD8<Float>

    /// `L · z · Lᵀ` for the matrix L of `Rows`, for `lanes` squares z: element (a, b) of
    /// square l is `input[a·inputRowStride + b·inputStride + l]`, and element (i, j) of its
    /// result goes to `output[(i·rows + j)·outputStride + l]`.
    @inlinable
    public static func apply<Rows: WinogradRows>(_ rows: Rows.Type, lanes: Int, input: UnsafePointer<Float>,
                                                 inputRowStride: Int, inputStride: Int,
                                                 output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let width = LaneVector.scalarCount
        let whole = lanes / width * width
        for first in stride(from: 0, to: whole, by: width) {
            applyToVectors(rows, input: input + first, inputRowStride: inputRowStride, inputStride: inputStride,
                           output: output + first, outputStride: outputStride)
        }
        guard whole < lanes else { return }
        // The last lanes through vectors of their own, padded with zeros, and transformed in
        // place: the first pass reads every element of the square before the second writes
        // any. An InlineArray, not a temporary allocation, which costs a check of the stack's
        // room on every call above 1 KB (the square is 1152 bytes); this path serves every
        // tile of a layer with fewer channels than a vector's lanes.
        let (n, k, count) = (Rows.rows, Rows.columns, lanes - whole)
        var scalars = InlineArray<288, Float>(repeating: 0)
        withUnsafeMutableBytes(of: &scalars) { bytes in
            let square = bytes.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Float.self)
            for a in 0..<k {
                for b in 0..<k {
                    (square + (a &* k &+ b) &* width).update(
                        from: input + (a &* inputRowStride &+ b &* inputStride &+ whole), count: count)
                }
            }
            applyToVectors(rows, input: square, inputRowStride: k * width, inputStride: width, output: square,
                           outputStride: width)
            for e in 0..<n * n {
                (output + (e &* outputStride &+ whole)).update(from: square + e &* width, count: count)
            }
        }
    }

    /// ``apply(_:lanes:input:inputRowStride:inputStride:output:outputStride:)`` for one vector
    /// of lanes: every load and store a whole vector, with no branch on the lane count.
    /// Wrapping arithmetic: the offsets are in bounds by construction, and overflow checks
    /// would cost more than the sums.
    @inlinable @inline(__always)
    static func applyToVectors<Rows: WinogradRows>(_ rows: Rows.Type, input: UnsafePointer<Float>,
                                                   inputRowStride: Int, inputStride: Int,
                                                   output: UnsafeMutablePointer<Float>, outputStride: Int) {
        let (n, k) = (Rows.rows, Rows.columns)
        // P (n x k, at most 6 x 6) in two halves of 3 rows, not zero-filled first (every
        // element that the second pass reads, the first writes): a temporary allocation of
        // up to 1 KB always lives on the stack, while a larger one costs a check of the
        // stack's room on every call, and an InlineArray of 36 vectors a memset.
        withUnsafeTemporaryAllocation(of: LaneVector.self, capacity: 18) { top in
            withUnsafeTemporaryAllocation(of: LaneVector.self, capacity: 18) { bottom in
                let (top, bottom) = (top.baseAddress.unsafelyUnwrapped, bottom.baseAddress.unsafelyUnwrapped)
                // P = L · z, one column of z at a time.
                for b in 0..<k {
                    var column = InlineArray<6, LaneVector>(repeating: LaneVector())
                    for a in 0..<k {
                        column[a] = UnsafeRawPointer(input + (a &* inputRowStride &+ b &* inputStride))
                            .loadUnaligned(as: LaneVector.self)
                    }
                    let transformed = Rows.apply(column)
                    for i in 0..<n {
                        let half = i < 3 ? top : bottom
                        (half + ((i < 3 ? i : i &- 3) &* k &+ b)).initialize(to: transformed[i])
                    }
                }
                // X = P · Lᵀ, one row of P at a time.
                for i in 0..<n {
                    let half = i < 3 ? top : bottom
                    var row = InlineArray<6, LaneVector>(repeating: LaneVector())
                    for b in 0..<k {
                        row[b] = half[(i < 3 ? i : i &- 3) &* k &+ b]
                    }
                    let transformed = Rows.apply(row)
                    for j in 0..<n {
                        UnsafeMutableRawPointer(output + ((i &* n &+ j) &* outputStride))
                            .storeBytes(of: transformed[j], as: LaneVector.self)
                    }
                }
            }
        }
    }

    /// ``apply(_:lanes:input:inputRowStride:inputStride:output:outputStride:)`` with the
    /// matrix that `step` names.
    @inlinable
    public static func apply(_ step: WinogradStep, lanes: Int, input: UnsafePointer<Float>, inputRowStride: Int,
                             inputStride: Int, output: UnsafeMutablePointer<Float>, outputStride: Int) {
        // One specialized copy per matrix: the generic function of each case is named here.
        func transform<Rows: WinogradRows>(_ rows: Rows.Type) {
            apply(rows, lanes: lanes, input: input, inputRowStride: inputRowStride, inputStride: inputStride,
                  output: output, outputStride: outputStride)
        }
        switch step {
        case .inputRows: transform(InputRows.self)
        case .inputColumns: transform(InputColumns.self)
        case .weightRows: transform(WeightRows.self)
        case .weightColumns: transform(WeightColumns.self)
        case .outputRows: transform(OutputRows.self)
        case .outputColumns: transform(OutputColumns.self)
        }
    }
}

/// The six matrices of Winograd's arithmetic, each the step of a transform: ``InputRows``
/// (Bᵀ) and the other generated types.
public enum WinogradStep: Sendable {
    /// Bᵀ: input patches to points.
    case inputRows
    /// B: points back to input patches (the input gradient).
    case inputColumns
    /// G: weights to points.
    case weightRows
    /// Gᵀ: points back to weights (the weight gradient).
    case weightColumns
    /// Aᵀ: points to output tiles.
    case outputRows
    /// A: output tiles back to points (the output gradient).
    case outputColumns
}
