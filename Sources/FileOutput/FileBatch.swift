#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// Writes files so that a crash leaves each of them either as it was or complete: every
/// file goes to a temporary file in its target's folder, which is flushed to disk and
/// renamed over the target; ``finish()`` then flushes each folder that received a file,
/// once, however many files went into it.
///
/// ``AtomicFile`` writes single files through a batch of one; a writer of many small files
/// (the masks of a data set, say) uses one batch for all of them.
package struct FileBatch {
    private var folders: [String] = []

    /// An empty batch.
    package init() {}

    /// Replaces `target` with the file that `write` makes at the URL it receives (a new
    /// path in the target's folder); `write` must have closed the file when it returns.
    /// On any error the temporary file is removed and the target is left as it was; on
    /// success, the temporary files for the target that writers killed before they could
    /// remove them go too (``TemporaryFile/removeAbandoned(for:)``).
    /// - Throws: what `write` throws, or ``FileWriteError`` naming the target when the
    ///   folder is missing or the file cannot be flushed or renamed.
    package mutating func replace(_ target: URL, writing write: (URL) throws -> Void) throws {
        let temporary = try Self.writeTemporary(for: target, writing: write)
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw FileWriteError(path: target.path, operation: "rename", code: code)
        }
        TemporaryFile.removeAbandoned(for: [target])
        let folder = target.deletingLastPathComponent()
        if !folders.contains(folder.path) { folders.append(folder.path) }
    }

    /// Makes the file that will replace `target`: a new path in the target's folder,
    /// written by `write` (which must have closed it) and flushed to disk. On any error the
    /// temporary file is removed.
    /// - Returns: the temporary file's URL.
    /// - Throws: what `write` throws, or ``FileWriteError`` naming the target when the
    ///   folder is missing or the file cannot be flushed.
    static func writeTemporary(for target: URL, writing write: (URL) throws -> Void) throws -> URL {
        let folder = target.deletingLastPathComponent()
        guard OutputFolder.isFolder(folder.path) else {
            throw FileWriteError(path: target.path, reason: "its folder \(folder.path) does not exist")
        }
        let temporary = TemporaryFile.url(for: target)
        do {
            try write(temporary)
            try synchronise(temporary.path, naming: target.path)
        } catch {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Replaces `target` with `bytes`.
    /// - Throws: ``FileWriteError`` naming the target, with the system's reason.
    package mutating func write(_ bytes: some Collection<UInt8>, to target: URL) throws {
        try replace(target) { temporary in try Self.create(temporary.path, holding: bytes, naming: target.path) }
    }

    /// Replaces `target` with the UTF-8 bytes of `text`.
    /// - Throws: ``FileWriteError`` naming the target, with the system's reason.
    package mutating func write(_ text: String, to target: URL) throws {
        try write(Array(text.utf8), to: target)
    }

    /// Flushes every folder that received a file, so that the renames are on disk too.
    /// - Throws: ``FileWriteError`` naming the folder.
    package func finish() throws {
        for folder in folders { try Self.synchronise(folder, naming: folder) }
    }

    /// Creates the new file `path` holding `bytes`, closed. Bytes that lie in memory in one
    /// piece are written from where they are.
    static func create(_ path: String, holding bytes: some Collection<UInt8>, naming target: String) throws {
        let written: Void? = try bytes.withContiguousStorageIfAvailable {
            try create(path, holding: UnsafeRawBufferPointer($0), naming: target)
        }
        if written == nil {
            try Array(bytes).withUnsafeBytes { try create(path, holding: $0, naming: target) }
        }
    }

    /// Creates the new file `path` holding `bytes`, closed.
    private static func create(_ path: String, holding bytes: UnsafeRawBufferPointer, naming target: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: target, operation: "open", code: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            guard result >= 0 else {
                if errno == EINTR { continue }
                throw FileWriteError(path: target, operation: "write", code: errno)
            }
            written += result
        }
    }

    /// Flushes the file or folder at `path` to disk.
    static func synchronise(_ path: String, naming target: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriteError(path: target, operation: "open", code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileWriteError(path: target, operation: "fsync", code: errno) }
    }
}

/// The system's `write(2)`, named apart from the batch's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
