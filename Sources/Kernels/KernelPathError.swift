/// A kernel path that was asked for by name and cannot be used.
package enum KernelPathError: Error, Equatable, CustomStringConvertible {
    /// No kernel path has the name.
    case unknown(name: String)
    /// The path needs instructions that this CPU lacks.
    case unsupported(KernelPath)

    /// The name asked for.
    package var name: String {
        switch self {
        case .unknown(let name): name
        case .unsupported(let path): path.rawValue
        }
    }

    /// For example `kernel path 'avx512' needs AVX-512 (F, CD, BW, DQ, VL), which this CPU
    /// lacks (this CPU has: avx2, portable)`.
    package var description: String {
        let reason = switch self {
        case .unknown: "is not a kernel path"
        case .unsupported(let path): "needs \(path.instructions), which this CPU lacks"
        }
        let names = KernelPath.supported.map(\.rawValue).joined(separator: ", ")
        return "kernel path '\(name)' \(reason) (this CPU has: \(names))"
    }
}
