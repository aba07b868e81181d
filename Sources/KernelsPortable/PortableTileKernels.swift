import KernelLoops

/// The fast convolutions' loops compiled for any CPU with the
/// compiler's default vector instructions: NEON on arm64, SSE2 on x86-64 (where each fused
/// multiply-add is a call to the C library's `fmaf`, exact but slow).
package enum PortableTileKernels: TileKernels {
    package static let tiles = [TileShape(rows: 6, vectors: 1)]

    /// 16 chains of 4 floats, one NEON or SSE register each (on x86-64 each lane's fused
    /// multiply-add is a call to `fmaf`, as in the path's other loops).
    package typealias PeakChains = FMAChains<Self, SIMD4<Float>, 16>
}
