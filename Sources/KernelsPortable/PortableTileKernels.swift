import KernelLoops

/// The fast convolutions' loops compiled for any CPU with the
/// compiler's default vector instructions: NEON on arm64, SSE2 on x86-64 (where each fused
/// multiply-add is a call to the C library's `fmaf`, exact but slow).
public enum PortableTileKernels: TileKernels {
    public static let tiles = [TileShape(rows: 6, vectors: 1)]

    public static func product(_ operands: ProductOperands, tile: TileShape, rowPanels: Range<Int>,
                               columnPanels: Range<Int>) {
        operands.compute(tile: tile, rowPanels: rowPanels, columnPanels: columnPanels, in: Self.self)
    }

    public static func correlation(_ operands: CorrelationOperands, tile: TileShape, rowPanels: Range<Int>,
                                   lanePanels: Range<Int>) {
        operands.compute(tile: tile, rowPanels: rowPanels, lanePanels: lanePanels, in: Self.self)
    }

    public static func product(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                               rows: Range<Int>, inner: Int, columns: Int) {
        MatrixRows.product(Self.self, a: a, b: b, c: c, rows: rows, inner: inner, columns: columns)
    }

    public static func transposedProduct(a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                                         c: UnsafeMutablePointer<Float>, rows: Range<Int>, aColumns: Int,
                                         bColumns: Int) {
        MatrixRows.transposedProduct(Self.self, a: a, b: b, c: c, rows: rows, aColumns: aColumns, bColumns: bColumns)
    }

    public static func adam(parameters: UnsafeMutablePointer<Float>, firstMoments: UnsafeMutablePointer<Float>,
                            secondMoments: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                            range: Range<Int>, keep1: Float, beta2: Float, keep2: Float, stepSize: Float,
                            correction: Float, epsilon: Float) -> Bool {
        AdamLoop.update(Self.self, parameters: parameters, firstMoments: firstMoments, secondMoments: secondMoments,
                        gradients: gradients, range: range, keep1: keep1, beta2: beta2, keep2: keep2,
                        stepSize: stepSize, correction: correction, epsilon: epsilon)
    }
}
