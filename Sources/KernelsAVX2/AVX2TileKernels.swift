import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX2 and FMA (Haswell and later,
/// Zen and later): 16 registers of 8 floats hold a tile of 6 rows of 2 registers.
public enum AVX2TileKernels: TileKernels {
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
