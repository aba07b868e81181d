extension WinogradTransform {
    /// The lanes of one vector of the lane-wise transform.
    typealias LaneVector = SIMD8<Float>

    /// ``apply(_:)`` to `lanes` squares at once, eight at a time in vectors, with the same
    /// bits as one at a time: element (a, b) of square l is
    /// `input[(a·columns + b)·inputStride + l]`, and element (i, j) of its result goes to
    /// `output[(i·rows + j)·outputStride + l·outputLaneStride]`.
    func apply(lanes: Int, input: UnsafePointer<Float>, inputStride: Int, output: UnsafeMutablePointer<Float>,
               outputStride: Int, outputLaneStride: Int = 1) {
        let width = LaneVector.scalarCount
        var first = 0
        while first < lanes {
            let count = min(width, lanes - first)
            var z = InlineArray<36, LaneVector>(repeating: LaneVector())
            for element in 0..<(columns * columns) {
                let source = input + element * inputStride + first
                if count == width {
                    z[element] = UnsafeRawPointer(source).loadUnaligned(as: LaneVector.self)
                } else {
                    for lane in 0..<count { z[element][lane] = source[lane] }
                }
            }
            var p = InlineArray<36, LaneVector>(repeating: LaneVector())
            for i in 0..<rows {
                for b in 0..<columns {
                    p[i * columns + b] = Self.sum(terms[i]) { z[$0 * columns + b] }
                }
            }
            for i in 0..<rows {
                for j in 0..<rows {
                    let x = Self.sum(terms[j]) { p[i * columns + $0] }
                    let target = output + (i * rows + j) * outputStride + first * outputLaneStride
                    if count == width && outputLaneStride == 1 {
                        UnsafeMutableRawPointer(target).storeBytes(of: x, as: LaneVector.self)
                    } else {
                        for lane in 0..<count { target[lane * outputLaneStride] = x[lane] }
                    }
                }
            }
            first += width
        }
    }
}
