/// The inner loops of the fast convolutions, the head's products and Adam, compiled for one
/// instruction set, with the register tiles that suit it.
///
/// The loops themselves are the inlinable ``ProductOperands/computeBlock(_:rowPanels:columnPanels:)``
/// and ``CorrelationOperands/computeBlock(_:rowPanels:lanePanels:)``; each conforming type
/// lives in a module compiled for its instruction set, so that its copy of the loops uses
/// it. Every tile computes the same chains, so every conforming type gives the same bits.
public protocol TileKernels {
    /// The tiles it uses, with their speeds, all from ``TileShape/menu``.
    static var tiles: [TileShape] { get }

    /// Computes a block of a product with `tile`, one of ``tiles``.
    static func product(_ operands: ProductOperands, tile: TileShape, rowPanels: Range<Int>,
                        columnPanels: Range<Int>)

    /// Computes a block of a correlation with `tile`, one of ``tiles``.
    static func correlation(_ operands: CorrelationOperands, tile: TileShape, rowPanels: Range<Int>,
                            lanePanels: Range<Int>)

    /// ``MatrixRows/product(_:a:b:c:rows:inner:columns:)``.
    static func product(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                        rows: Range<Int>, inner: Int, columns: Int)

    /// ``MatrixRows/transposedProduct(_:a:b:c:rows:aColumns:bColumns:)``.
    static func transposedProduct(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                                  rows: Range<Int>, aColumns: Int, bColumns: Int)

    /// ``AdamLoop/update(_:parameters:firstMoments:secondMoments:gradients:range:keep1:beta2:keep2:stepSize:correction:epsilon:)``.
    static func adam(parameters: UnsafeMutablePointer<Float>, firstMoments: UnsafeMutablePointer<Float>,
                     secondMoments: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, range: Range<Int>,
                     keep1: Float, beta2: Float, keep2: Float, stepSize: Float, correction: Float,
                     epsilon: Float) -> Bool
}
