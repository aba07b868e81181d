#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// Files written one by one as their contents are made, none of which appears under its
/// name before ``commit()``: each goes to a flushed temporary file beside its target, and
/// the commit renames them all, then flushes each folder once.
///
/// A writer that makes many files from a long computation (the masks of `predict`) keeps
/// only one file's bytes in memory at a time and still shows either none of its files or
/// all of them. ``discard()`` removes the temporary files of a computation that failed.
package struct StagedFiles {
    private var staged: [(temporary: URL, target: URL)] = []

    /// No files yet.
    package init() {}

    /// The number of files staged.
    package var count: Int { staged.count }

    /// Writes `bytes` to a temporary file that ``commit()`` will rename to `target`.
    /// - Throws: ``FileWriteError`` naming the target, with the system's reason.
    package mutating func stage(_ bytes: some Collection<UInt8>, as target: URL) throws {
        let temporary = try FileBatch.writeTemporary(for: target) { temporary in
            try FileBatch.create(temporary.path, holding: bytes, naming: target.path)
        }
        staged.append((temporary, target))
    }

    /// Writes the UTF-8 bytes of `text`; see ``stage(_:as:)``.
    package mutating func stage(_ text: String, as target: URL) throws {
        try stage(Array(text.utf8), as: target)
    }

    /// Renames every staged file to its target, in the order staged, removes the temporary
    /// files of those targets that killed writers left (``TemporaryFile``), then flushes
    /// their folders.
    /// - Throws: ``FileWriteError`` naming the target that could not be renamed (the files
    ///   renamed before it stay; the rest are removed) or the folder that could not be flushed.
    package mutating func commit() throws {
        var folders: [String] = []
        for (index, file) in staged.enumerated() {
            guard rename(file.temporary.path, file.target.path) == 0 else {
                let code = errno
                for later in staged[index...] { unlink(later.temporary.path) }
                staged = []
                throw FileWriteError(path: file.target.path, operation: "rename", code: code)
            }
            let folder = file.target.deletingLastPathComponent().path
            if !folders.contains(folder) { folders.append(folder) }
        }
        TemporaryFile.removeAbandoned(for: staged.map(\.target))
        staged = []
        for folder in folders { try FileBatch.synchronise(folder, naming: folder) }
    }

    /// Removes every staged file; their targets stay as they were.
    package mutating func discard() {
        for file in staged { unlink(file.temporary.path) }
        staged = []
    }
}
