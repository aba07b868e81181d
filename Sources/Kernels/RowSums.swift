/// Sums of the rows of a row-major matrix, each row summed from 0 in order:
/// `sum[r] = ((0 + m[r,0]) + m[r,1]) + …` (the bias gradients of ``ConvolutionKernels``).
enum RowSums {
    /// The sum of each of the `rows` rows of `length` elements in `matrix`, on the calling
    /// thread (a memory-bound pass that costs less than waking another thread).
    /// - Complexity: O(rows·length) additions; eight rows advance together as
    ///   independent chains.
    static func of(_ matrix: [Float], rows: Int, length: Int) -> [Float] {
        [Float](count: rows) { output in
            matrix.withReader { m in
                for first in stride(from: 0, to: rows, by: 8) {
                    let validRows = min(8, rows - first)
                    // Rows past the matrix repeat the group's first row; they are not stored.
                    func start(_ r: Int) -> Int { (r < validRows ? first + r : first) * length }
                    let (s0, s1, s2, s3) = (start(0), start(1), start(2), start(3))
                    let (s4, s5, s6, s7) = (start(4), start(5), start(6), start(7))
                    var (a0, a1, a2, a3, a4, a5, a6, a7): (Float, Float, Float, Float, Float, Float, Float, Float)
                        = (0, 0, 0, 0, 0, 0, 0, 0)
                    for i in 0..<length {
                        a0 += m[s0 &+ i]
                        a1 += m[s1 &+ i]
                        a2 += m[s2 &+ i]
                        a3 += m[s3 &+ i]
                        a4 += m[s4 &+ i]
                        a5 += m[s5 &+ i]
                        a6 += m[s6 &+ i]
                        a7 += m[s7 &+ i]
                    }
                    for (r, sum) in [a0, a1, a2, a3, a4, a5, a6, a7].prefix(validRows).enumerated() {
                        output[first + r] = sum
                    }
                }
            }
        }
    }
}
