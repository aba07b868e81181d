#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// The temporary files that the writers make beside their targets, `.NAME.PID.UUID.tmp`:
/// hidden, named for the target and for the process that writes them, so that the next
/// writer to the same target can tell a file whose writer is gone (killed before it could
/// clean up) from one that a live process is still writing.
enum TemporaryFile {
    /// A new temporary file's URL for `target`, in its folder, named for this process.
    static func url(for target: URL) -> URL {
        target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
    }

    /// Removes the temporary files for `targets` whose writers no longer run, with one
    /// look at each folder. A file whose writer runs (or might: a process of that id
    /// exists) is left alone, and so is every file not of this naming.
    static func removeAbandoned(for targets: [URL]) {
        let byFolder = Dictionary(grouping: targets) { $0.deletingLastPathComponent().path }
        for (folder, targets) in byFolder {
            let names = Set(targets.map(\.lastPathComponent))
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries {
                guard let (target, writer) = parse(entry), names.contains(target), !isRunning(writer) else { continue }
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// The target's name and the writer's process id of a temporary file named `name`, or
    /// nil when the name is not of this naming.
    static func parse(_ name: String) -> (target: String, writer: pid_t)? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(".tmp".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, UUID(uuidString: String(parts[parts.count - 1])) != nil,
              parts[parts.count - 2].allSatisfy(\.isASCII), let pid = pid_t(parts[parts.count - 2]), pid > 0 else {
            return nil
        }
        return (parts.dropLast(2).joined(separator: "."), pid)
    }

    /// Whether a process of id `pid` exists (one of another user's counts).
    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }
}
