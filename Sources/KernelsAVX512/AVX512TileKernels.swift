import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX-512 (Skylake-AVX512 and later,
/// Zen 4 and later): 32 vector registers of 16 floats hold tiles of up to 24 accumulators.
/// Its peak loop is the default: 16 chains of 16 floats, one zmm register each.
package enum AVX512TileKernels: TileKernels {
    package static let tiles = [
        TileShape(rows: 8, vectors: 3, speed: 166), TileShape(rows: 6, vectors: 4, speed: 155),
        TileShape(rows: 12, vectors: 1, speed: 136),
    ]
}
