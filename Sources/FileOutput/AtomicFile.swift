import Foundation

/// Replaces single files atomically: a crash leaves either the old file or the new one,
/// never a part of either (see ``FileBatch``, which it uses with one file).
package enum AtomicFile {
    /// Replaces `target` with the file that `write` makes at the URL it receives.
    /// - Throws: what `write` throws, or ``FileWriteError`` naming the target.
    package static func replace(_ target: URL, writing write: (URL) throws -> Void) throws {
        var batch = FileBatch()
        try batch.replace(target, writing: write)
        try batch.finish()
    }

    /// Replaces `target` with `bytes`.
    /// - Throws: ``FileWriteError`` naming the target.
    package static func write(_ bytes: some Collection<UInt8>, to target: URL) throws {
        var batch = FileBatch()
        try batch.write(bytes, to: target)
        try batch.finish()
    }

    /// Replaces `target` with the UTF-8 bytes of `text`.
    /// - Throws: ``FileWriteError`` naming the target.
    package static func write(_ text: String, to target: URL) throws {
        try write(Array(text.utf8), to: target)
    }
}
