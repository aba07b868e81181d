/// The network's elementwise passes (the ReLU, its gradient and the residual sum) as plain
/// loops, for a ``TileKernels`` type to compile for its instruction set (see
/// ``RegisterTile`` for why `path` is an argument): the compiler puts them in the
/// instruction set's vectors. Each element is the one operation below, so every
/// instruction set gives the same bits.
public enum ElementwiseLoop {
    /// `output[i] = x[i] > 0 ? x[i] : 0` for i in `0..<count`: zero of either sign and NaN
    /// give +0.0.
    @inlinable @inline(never)
    public static func relu<Path: TileKernels>(_ path: Path.Type, _ x: UnsafePointer<Float>,
                                               into output: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            output[i] = x[i] > 0 ? x[i] : 0
        }
    }

    /// `output[i] = input[i] > 0 ? outputGradient[i] : 0` for i in `0..<count`.
    @inlinable @inline(never)
    public static func reluGradient<Path: TileKernels>(_ path: Path.Type, _ outputGradient: UnsafePointer<Float>,
                                                       input: UnsafePointer<Float>,
                                                       into output: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            output[i] = input[i] > 0 ? outputGradient[i] : 0
        }
    }

    /// `output[i] = a[i] + b[i]` for i in `0..<count`.
    @inlinable @inline(never)
    public static func add<Path: TileKernels>(_ path: Path.Type, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                              into output: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count {
            output[i] = a[i] + b[i]
        }
    }
}
