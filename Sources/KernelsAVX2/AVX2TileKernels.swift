import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX2 and FMA (Haswell and later,
/// Zen and later): 16 registers of 8 floats hold a tile of 6 rows of 2 registers.
package enum AVX2TileKernels: TileKernels {
    package static let tiles = [TileShape(rows: 6, vectors: 1)]
}
