import CPUFeatures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KernelLoops
import KernelsAVX2
import KernelsAVX512
import KernelsPortable

/// The instruction set that the fast convolutions run on, chosen at run time from what the
/// CPU has.
///
/// Every path computes the same chains of fused multiply-adds in the same order, so every
/// path gives the same bits; they differ in speed only.
package enum KernelPath: String, CaseIterable, Sendable {
    /// x86-64 with AVX-512 F, CD, BW, DQ and VL.
    case avx512
    /// x86-64 with AVX2 and FMA.
    case avx2
    /// The architecture's baseline: NEON on arm64, SSE2 on x86-64.
    case portable

    /// Whether this CPU (and its operating system) can run the path.
    package var isSupported: Bool { Self.supported.contains(self) }

    /// The paths this CPU can run, fastest first, asked of the CPU once (CPUID is slow
    /// under a hypervisor, which traps it).
    package static let supported: [KernelPath] = allCases.filter { path in
        switch path {
        case .avx512: plastic_unet_cpu_has_avx512() != 0
        case .avx2: plastic_unet_cpu_has_avx2_fma() != 0
        case .portable: true
        }
    }

    /// The fastest path this CPU can run.
    package static var fastest: KernelPath { supported[0] }

    /// The environment variable that forces a path (`avx512`, `avx2` or `portable`) for
    /// tests and bug reports.
    package static let overrideVariable = "PLASTIC_UNET_KERNELS"

    /// The path that every kernel uses unless a caller names one: the path that
    /// ``overrideVariable`` names when this CPU can run it, else the fastest. Programs
    /// check the variable first with ``init(named:)`` to refuse a path they cannot follow.
    package static let selected: KernelPath = {
        guard let value = getenv(overrideVariable), let path = try? KernelPath(named: String(cString: value)) else {
            return fastest
        }
        return path
    }()

    /// The path named `name` (`avx512`, `avx2` or `portable`), if this CPU can run it.
    /// - Throws: ``KernelPathError`` for an unknown name or a path the CPU lacks.
    package init(named name: String) throws(KernelPathError) {
        guard let path = KernelPath(rawValue: name) else {
            throw .unknown(name: name)
        }
        guard path.isSupported else {
            throw .unsupported(path)
        }
        self = path
    }

    /// The instructions the path uses, for messages and reports.
    package var instructions: String {
        switch self {
        case .avx512: "AVX-512 (F, CD, BW, DQ, VL)"
        case .avx2: "AVX2 and FMA"
        case .portable:
            #if arch(arm64)
            "NEON"
            #else
            "the architecture's baseline vector instructions"
            #endif
        }
    }

    /// The path, its instructions and its register tiles, for reports.
    package var description: String {
        let tiles = tileKernels.tiles.map(\.description)
        return "\(rawValue): \(instructions), \(tiles.joined(separator: ", ")) register tiles"
    }

    /// The path's compiled loops.
    var tileKernels: any TileKernels.Type {
        switch self {
        case .avx512: AVX512TileKernels.self
        case .avx2: AVX2TileKernels.self
        case .portable: PortableTileKernels.self
        }
    }
}
