#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file or folder that could not be written, on one line that names it and keeps the
/// reason: `cannot write PATH: REASON`, where a failed system call gives its name and the
/// system's message (`rename: No space left on device`).
package struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder, as the caller named it.
    package let path: String
    /// Why it could not be written.
    package let reason: String
    /// The system's error number, when a system call failed.
    package let code: Int32?

    /// An error with a reason of the caller's own.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
        self.code = nil
    }

    /// An error from a failed system call: `operation` (`open`, `write`, `fsync`,
    /// `rename`, `mkdir`...) and its error number.
    package init(path: String, operation: String, code: Int32) {
        self.path = path
        self.reason = "\(operation): \(String(cString: strerror(code)))"
        self.code = code
    }

    /// `cannot write PATH: REASON`.
    package var description: String { "cannot write \(path): \(reason)" }
}
