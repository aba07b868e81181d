import KernelLoops

/// The fast convolutions' loops compiled for x86-64 with AVX-512 (Skylake-AVX512 and later,
/// Zen 4 and later): 32 vector registers of 16 floats hold tiles of up to 21 accumulators,
/// with the column vectors and the row's broadcast weights beside them. Tiles of 24 (8 x 3,
/// 6 x 4) left the compiler short of registers: it kept accumulators on the stack and moved
/// others from register to register in every step, and whole predictions took 7% longer.
/// 8 x 32 and 7 x 48 measured as fast as each other: the menu picks whichever wastes less.
/// Its peak loop is the default: 16 chains of 16 floats, one zmm register each.
package enum AVX512TileKernels: TileKernels {
    package static let tiles = [
        TileShape(rows: 8, vectors: 2, speed: 170), TileShape(rows: 7, vectors: 3, speed: 170),
        TileShape(rows: 12, vectors: 1, speed: 136),
    ]
}
