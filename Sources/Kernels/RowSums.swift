/// Sums of the rows of a row-major matrix, each row summed from 0 in order:
/// `sum[r] = ((0 + m[r,0]) + m[r,1]) + …` (the bias gradients of ``ConvolutionKernels``).
enum RowSums {
    /// Rows summed side by side, each in its own lane.
    private typealias Group = SIMD8<Float>

    /// The sum of each of the `rows` rows of `length` elements in `matrix`.
    /// - Complexity: O(rows·length) additions; the rows of a group of eight advance
    ///   together as independent chains.
    static func of(_ matrix: [Float], rows: Int, length: Int, runner: ParallelRunner) -> [Float] {
        let width = Group.scalarCount
        let groups = (rows + width - 1) / width
        var sums = [Float](repeating: 0, count: rows)
        sums.withWriter { output in
            matrix.withReader { m in
                runner.run(taskCount: groups) { group in
                    let first = group * width
                    let validRows = min(width, rows - first)
                    var acc = Group()
                    for i in 0..<length {
                        var column = Group()
                        for r in 0..<validRows {
                            column[r] = m[(first + r) * length + i]
                        }
                        acc += column
                    }
                    for r in 0..<validRows {
                        output[first + r] = acc[r]
                    }
                }
            }
        }
        return sums
    }
}
