import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX-512 (Skylake-AVX512 and later,
/// Zen 4 and later): 32 vector registers of 16 floats hold tiles of up to 24 accumulators.
public enum AVX512TileKernels: TileKernels {
    public static let tiles = [
        TileShape(rows: 8, vectors: 3, speed: 166), TileShape(rows: 6, vectors: 4, speed: 155),
        TileShape(rows: 12, vectors: 1, speed: 136),
    ]

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
