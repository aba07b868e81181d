#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file or folder that could not be written, on one line that names it and keeps the
/// reason: `cannot write PATH: REASON`, where a failed system call gives its name and the
/// system's message (`rename: No space left on device`).
public struct FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file or folder, as the caller named it.
    public let path: String
    /// Why it could not be written.
    public let reason: String
    /// The system's error number, when a system call failed.
    public let code: Int32?

    /// An error with a reason of the caller's own.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
        self.code = nil
    }

    /// An error from a failed system call: `operation` (`open`, `write`, `fsync`,
    /// `rename`, `mkdir`...) and its error number.
    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.reason = "\(operation): \(String(cString: strerror(code)))"
        self.code = code
    }

    /// `cannot write PATH: REASON`.
    public var description: String { "cannot write \(path): \(reason)" }
}
