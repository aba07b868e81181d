#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// What the benchmark says of the machine it ran on.
enum MachineDescription {
    /// The CPU's model name and its vector extensions of interest, from `/proc/cpuinfo`.
    static var cpu: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        let fields = text.split(separator: "\n").reduce(into: [String: String]()) { fields, line in
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, fields[parts[0]] == nil { fields[parts[0]] = parts[1] }
        }
        let flags = Set((fields["flags"] ?? fields["Features"] ?? "").split(separator: " ").map(String.init))
        let extensions = ["avx512f", "avx2", "fma", "neon", "asimd"].filter(flags.contains)
        let name = fields["model name"] ?? "unknown CPU"
        return extensions.isEmpty ? name : name + " (" + extensions.joined(separator: ", ") + ")"
    }

    /// The process's peak resident memory, in bytes: `VmHWM` of `/proc/self/status` where
    /// there is one (it starts afresh with the program, while `getrusage` carries the peak
    /// of the process that started it across `exec`), else `getrusage`'s.
    static var peakResidentBytes: Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: " kB", with: "")) {
            return kilobytes * 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
