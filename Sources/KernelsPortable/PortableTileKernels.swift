import KernelLoops

/// The fast convolutions' loops compiled for any CPU with the
/// compiler's default vector instructions: NEON on arm64, SSE2 on x86-64 (where each fused
/// multiply-add is a call to the C library's `fmaf`, exact but slow).
package enum PortableTileKernels: TileKernels {
    package static let tiles = [TileShape(rows: 6, vectors: 1)]
}
