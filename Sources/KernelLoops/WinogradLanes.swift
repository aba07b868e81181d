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
        let (n, k) = (Rows.rows, Rows.columns)
        let width = LaneVector.scalarCount
        var first = 0
        while first < lanes {
            let count = min(width, lanes - first)
            // P = L · z, one column of z at a time.
            var p = InlineArray<36, LaneVector>(repeating: LaneVector())
            for b in 0..<k {
                var column = InlineArray<6, LaneVector>(repeating: LaneVector())
                for a in 0..<k {
                    column[a] = load(input + a * inputRowStride + b * inputStride + first, count: count)
                }
                let transformed = Rows.apply(column)
                for i in 0..<n {
                    p[i * k + b] = transformed[i]
                }
            }
            // X = P · Lᵀ, one row of P at a time.
            for i in 0..<n {
                var row = InlineArray<6, LaneVector>(repeating: LaneVector())
                for b in 0..<k {
                    row[b] = p[i * k + b]
                }
                let transformed = Rows.apply(row)
                for j in 0..<n {
                    let target = output + (i * n + j) * outputStride + first
                    if count == width {
                        UnsafeMutableRawPointer(target).storeBytes(of: transformed[j], as: LaneVector.self)
                    } else {
                        for lane in 0..<count { target[lane] = transformed[j][lane] }
                    }
                }
            }
            first += width
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

    /// `count` floats from `source` in the first lanes of a vector, zeros in the others.
    @inlinable @inline(__always)
    static func load(_ source: UnsafePointer<Float>, count: Int) -> LaneVector {
        if count == LaneVector.scalarCount {
            return UnsafeRawPointer(source).loadUnaligned(as: LaneVector.self)
        }
        var vector = LaneVector()
        for lane in 0..<count { vector[lane] = source[lane] }
        return vector
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
