/// The loop that measures an instruction set's peak rate of fused multiply-adds, for a
/// ``TileKernels`` type to compile for its instruction set (see ``RegisterTile`` for why
/// `Path` is an argument).
///
/// `count` independent chains, each a `Vector` of floats, held in registers: every
/// iteration advances each lane of each chain by one fused multiply-add,
/// `x = x · ½ + 1`. Chains are independent, so an instruction set whose fused
/// multiply-add takes L cycles on P pipes keeps every pipe busy once `count ≥ L · P`
/// (Zen 3 and Skylake: 4 cycles on 2 pipes, so 8 chains; the paths use 12 or 16).
///
/// The arithmetic is exact and checkable: lane `l` of chain `c` starts at
/// `s = c · lanes + l` (every lane differs, so that no two chains can be merged), and
/// after n iterations holds `2 + (s - 2) / 2ⁿ` while that is representable (it tends to 2
/// and stays there, never subnormal). The loop returns the sum of every lane of every
/// chain, which depends on all of them, so that the compiler cannot drop the loop: after
/// 2 iterations with N = chains · lanes elements, `2N + (N(N - 1)/2 - 2N) / 4` (600 for
/// 16 chains of 4, 1284 for 12 of 8, 8544 for 16 of 16), exactly.
public protocol FMAPeakChains {
    /// The independent chains.
    static var chainCount: Int { get }
    /// The floats of each chain's vector.
    static var lanes: Int { get }
    /// Runs `iterations` iterations (at least 0) and returns the sum of every chain's lanes.
    static func run(iterations: Int) -> Float
}

/// `count` chains of `Vector` compiled in the module of `Path`: see ``FMAPeakChains``.
public enum FMAChains<Path: TileKernels, Vector: SIMD, let count: Int>: FMAPeakChains
where Vector.Scalar == Float {
    @inlinable
    public static var chainCount: Int { count }

    @inlinable
    public static var lanes: Int { Vector.scalarCount }

    @inlinable
    public static func run(iterations: Int) -> Float {
        let multiplier = Vector(repeating: 0.5)
        let addend = Vector(repeating: 1)
        var chains = InlineArray<count, Vector> { c in
            var start = Vector()
            for lane in 0..<Vector.scalarCount {
                start[lane] = Float(c &* Vector.scalarCount &+ lane)
            }
            return start
        }
        for _ in 0..<iterations {
            for c in 0..<count {
                chains[c] = addend.addingProduct(chains[c], multiplier)
            }
        }
        var total = Vector()
        for c in 0..<count {
            total += chains[c]
        }
        return total.sum()
    }
}
