#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// An advisory lock that keeps a second writer off an output file while one writes it: an
/// exclusive `flock` on a lock file beside the output (`.NAME.lock`, which stays; the
/// output itself is replaced by rename and so cannot hold a lock). The lock ends with the
/// process, however it ends.
package final class OutputLock {
    /// What trying to take the lock gave.
    package enum Outcome {
        /// The lock is held until the process ends or ``release()`` is called.
        case held(OutputLock)
        /// The file system cannot lock (the reason, from the system): go on unprotected.
        case unsupported(String)
        /// Another process holds the lock (the error names the output and that process).
        case busy(FileWriteError)
    }

    private let descriptor: Int32
    private var isHeld = true

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// The lock file of `output`.
    package static func lockFile(of output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
    }

    /// Takes the lock of `output` for the writer described by `holder` (for example
    /// `train`), which a refused writer's message shows with this process's id.
    /// - Throws: ``FileWriteError`` naming the output when another process holds the lock,
    ///   or the lock file cannot be opened.
    package static func acquire(for output: URL, holder: String) throws -> Outcome {
        let outcome = try attempt(for: output, holder: holder)
        if case .busy(let error) = outcome { throw error }
        return outcome
    }

    /// Tries to take the lock of `output`, as ``acquire(for:holder:)`` does, and tells
    /// when another process holds it (``Outcome/busy(_:)``) instead of throwing.
    /// - Throws: ``FileWriteError`` naming the output when the lock file cannot be opened.
    package static func attempt(for output: URL, holder: String) throws -> Outcome {
        let lockFile = lockFile(of: output)
        let descriptor = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: output.path, operation: "open lock file", code: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(descriptor) }
            guard code == EWOULDBLOCK else {
                return .unsupported("cannot lock \(lockFile.path): \(String(cString: strerror(code)))")
            }
            let other = (try? String(contentsOf: lockFile, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return .busy(FileWriteError(path: output.path, reason: "another process is writing it ("
                                        + (other.isEmpty ? "see \(lockFile.path)" : other) + ")"))
        }
        let text = "\(holder), pid \(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return .held(OutputLock(descriptor: descriptor))
    }

    /// Gives the lock up (the lock file stays).
    package func release() {
        guard isHeld else { return }
        isHeld = false
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
