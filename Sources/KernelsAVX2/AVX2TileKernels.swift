import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX2 and FMA (Haswell and later,
/// Zen and later): 16 registers of 8 floats hold a tile of 6 rows of 2 registers.
package enum AVX2TileKernels: TileKernels {
    package static let tiles = [TileShape(rows: 6, vectors: 1)]

    /// 12 chains of 8 floats, one ymm register each: with the multiplier and the addend,
    /// 14 of the 16 registers, and 1.5 times the 8 chains that cover the fused
    /// multiply-add's latency (4 cycles) on its 2 pipes.
    package typealias PeakChains = FMAChains<Self, SIMD8<Float>, 12>
}
