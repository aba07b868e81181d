import Foundation
import HDF5Kit

/// Replaces a file so that a crash leaves either the old file or the new one: the new
/// contents go to a temporary file in the same folder, which is flushed to disk and
/// renamed over the target, and then the folder is flushed too.
public enum AtomicFileReplacement {
    /// Writes `target` through `write`, which receives the temporary file's URL and must
    /// have closed the file when it returns. On any error the temporary file is removed
    /// and the target is left as it was.
    /// - Throws: what `write` throws (an `HDF5Error` about the temporary file names the
    ///   target instead), or `FileReplacementError` when the file cannot be flushed or
    ///   renamed.
    public static func replace(_ target: URL, writing write: (URL) throws -> Void) throws {
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FileReplacementError(file: target.path, operation: "open folder", code: ENOENT)
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try write(temporary)
            try synchronise(temporary, target: target)
            guard rename(temporary.path, target.path) == 0 else {
                throw FileReplacementError(file: target.path, operation: "rename", code: errno)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? HDF5Error, error.file == temporary.path {
                throw HDF5Error(file: target.path, object: error.object, operation: error.operation, reason: error.reason)
            }
            throw error
        }
        try synchronise(folder, target: target)
    }

    /// Flushes the file or folder at `url` to disk.
    private static func synchronise(_ url: URL, target: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReplacementError(file: target.path, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw FileReplacementError(file: target.path, operation: "fsync", code: errno)
        }
    }
}

/// A file that could not be replaced.
public struct FileReplacementError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The target's path.
    public let file: String
    /// The system call that failed.
    public let operation: String
    /// The system's error number.
    public let code: Int32

    /// `cannot write <file>: <operation>: <system message>`.
    public var description: String {
        "cannot write \(file): \(operation): \(String(cString: strerror(code)))"
    }
}
