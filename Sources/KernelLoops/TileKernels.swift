/// The inner loops of the fast convolutions, the head's products, Adam, the elementwise
/// passes and XXH3, compiled for one instruction set, with the register tiles that suit it,
/// and the loop that measures the instruction set's peak rate of fused multiply-adds.
///
/// The loops themselves are the inlinable ``ProductOperands/computeBlock(_:firstRow:rowPanelCount:columnPanels:)``
/// and ``CorrelationOperands/computeBlock(_:rowPanels:lanePanels:)``; each conforming type
/// lives in a module compiled for its instruction set, so that its copy of the loops uses
/// it. Every tile computes the same chains, so every conforming type gives the same bits.
public protocol TileKernels: SendableMetatype {
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

    /// ``AdamLoop/update(_:parameters:firstMoments:secondMoments:gradients:range:keep1:beta2:keep2:stepSize:correction:epsilon:blockElements:digests:)``:
    /// the update with the digests of its blocks.
    static func adam(parameters: UnsafeMutablePointer<Float>, firstMoments: UnsafeMutablePointer<Float>,
                     secondMoments: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, range: Range<Int>,
                     keep1: Float, beta2: Float, keep2: Float, stepSize: Float, correction: Float,
                     epsilon: Float, blockElements: Int, digests: UnsafeMutablePointer<UInt64>) -> Bool

    /// ``ElementwiseLoop/relu(_:_:into:count:)``.
    static func relu(_ x: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int)

    /// ``ElementwiseLoop/reluGradient(_:_:input:into:count:)``.
    static func reluGradient(_ outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>,
                             into output: UnsafeMutablePointer<Float>, count: Int)

    /// ``ElementwiseLoop/add(_:_:_:into:count:)``.
    static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
                    count: Int)

    /// ``WinogradLanes/apply(_:lanes:input:inputRowStride:inputStride:output:outputStride:)``
    /// with the matrix of `step`.
    static func winograd(_ step: WinogradStep, lanes: Int, input: UnsafePointer<Float>, inputRowStride: Int,
                         inputStride: Int, output: UnsafeMutablePointer<Float>, outputStride: Int)

    /// ``XXH3Loop/hash64(_:_:seed:)``.
    static func xxh3(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64

    /// The chains of ``fmaPeakLoop(iterations:)``: enough registers of the instruction
    /// set's widest vector to keep every fused multiply-add pipe busy. By default 16 chains
    /// of ``TileVector`` (16 of the 32 AVX-512 registers).
    associatedtype PeakChains: FMAPeakChains = FMAChains<Self, TileVector, 16>

    /// ``FMAPeakChains/run(iterations:)`` of ``PeakChains``: `iterations` times, one fused
    /// multiply-add on every lane of every chain; the sum of the lanes.
    static func fmaPeakLoop(iterations: Int) -> Float

    /// The chains of ``PeakChains`` and the lanes of each: one iteration of
    /// ``fmaPeakLoop(iterations:)`` is `chains · lanes` fused multiply-adds.
    static var fmaPeakShape: (chains: Int, lanes: Int) { get }
}

/// Every conforming type's loops: inlinable, so that the compiler instantiates them in the
/// conforming type's own module, for its instruction set and under its name (see
/// ``RegisterTile``); `scripts/check_isa_confinement.py` checks the built program for it.
extension TileKernels {
    @inlinable
    public static func product(_ operands: ProductOperands, tile: TileShape, rowPanels: Range<Int>,
                               columnPanels: Range<Int>) {
        operands.compute(tile: tile, rowPanels: rowPanels, columnPanels: columnPanels, in: Self.self)
    }

    @inlinable
    public static func correlation(_ operands: CorrelationOperands, tile: TileShape, rowPanels: Range<Int>,
                                   lanePanels: Range<Int>) {
        operands.compute(tile: tile, rowPanels: rowPanels, lanePanels: lanePanels, in: Self.self)
    }

    @inlinable
    public static func product(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
                               rows: Range<Int>, inner: Int, columns: Int) {
        MatrixRows.product(Self.self, a: a, b: b, c: c, rows: rows, inner: inner, columns: columns)
    }

    @inlinable
    public static func transposedProduct(a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                                         c: UnsafeMutablePointer<Float>, rows: Range<Int>, aColumns: Int,
                                         bColumns: Int) {
        MatrixRows.transposedProduct(Self.self, a: a, b: b, c: c, rows: rows, aColumns: aColumns, bColumns: bColumns)
    }

    @inlinable
    public static func adam(parameters: UnsafeMutablePointer<Float>, firstMoments: UnsafeMutablePointer<Float>,
                            secondMoments: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                            range: Range<Int>, keep1: Float, beta2: Float, keep2: Float, stepSize: Float,
                            correction: Float, epsilon: Float) -> Bool {
        AdamLoop.update(Self.self, parameters: parameters, firstMoments: firstMoments, secondMoments: secondMoments,
                        gradients: gradients, range: range, keep1: keep1, beta2: beta2, keep2: keep2,
                        stepSize: stepSize, correction: correction, epsilon: epsilon)
    }

    @inlinable
    public static func adam(parameters: UnsafeMutablePointer<Float>, firstMoments: UnsafeMutablePointer<Float>,
                            secondMoments: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
                            range: Range<Int>, keep1: Float, beta2: Float, keep2: Float, stepSize: Float,
                            correction: Float, epsilon: Float, blockElements: Int,
                            digests: UnsafeMutablePointer<UInt64>) -> Bool {
        AdamLoop.update(Self.self, parameters: parameters, firstMoments: firstMoments, secondMoments: secondMoments,
                        gradients: gradients, range: range, keep1: keep1, beta2: beta2, keep2: keep2,
                        stepSize: stepSize, correction: correction, epsilon: epsilon, blockElements: blockElements,
                        digests: digests)
    }

    @inlinable
    public static func relu(_ x: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        ElementwiseLoop.relu(Self.self, x, into: output, count: count)
    }

    @inlinable
    public static func reluGradient(_ outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                    into output: UnsafeMutablePointer<Float>, count: Int) {
        ElementwiseLoop.reluGradient(Self.self, outputGradient, input: input, into: output, count: count)
    }

    @inlinable
    public static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                           into output: UnsafeMutablePointer<Float>, count: Int) {
        ElementwiseLoop.add(Self.self, a, b, into: output, count: count)
    }

    @inlinable
    public static func winograd(_ step: WinogradStep, lanes: Int, input: UnsafePointer<Float>, inputRowStride: Int,
                                inputStride: Int, output: UnsafeMutablePointer<Float>, outputStride: Int) {
        WinogradLanes<Self>.apply(step, lanes: lanes, input: input, inputRowStride: inputRowStride,
                                  inputStride: inputStride, output: output, outputStride: outputStride)
    }

    @inlinable
    public static func xxh3(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        XXH3Loop.hash64(Self.self, bytes, seed: seed)
    }

    @inlinable
    public static func fmaPeakLoop(iterations: Int) -> Float {
        PeakChains.run(iterations: iterations)
    }

    @inlinable
    public static var fmaPeakShape: (chains: Int, lanes: Int) {
        (PeakChains.chainCount, PeakChains.lanes)
    }
}
