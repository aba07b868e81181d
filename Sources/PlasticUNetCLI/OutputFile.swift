import Foundation
import ModelFile

/// The files the evaluation commands write: each written to a temporary file in its folder
/// and renamed into place, so that a failure never leaves a half-written file.
enum OutputFile {
    /// Throws unless the folder that is to hold `path` exists, so that a command can stop
    /// before its work rather than after it.
    /// - Throws: ``OutputFileError`` naming the file.
    static func requireFolder(for path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputFileError(path: path, reason: "its folder \(folder.path) does not exist")
        }
    }

    /// Creates the folder at `path` (and its parents) unless it exists.
    /// - Throws: ``OutputFileError`` when it cannot be created or is a file.
    static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw OutputFileError(path: path, reason: "it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: path, reason: "the folder cannot be created")
        }
    }

    /// Writes `text` as UTF-8 to `url`, replacing an existing file atomically.
    /// - Throws: ``OutputFileError`` or `FileReplacementError` naming the file.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Writes `data` to `url`, replacing an existing file atomically.
    /// - Throws: ``OutputFileError`` or `FileReplacementError` naming the file.
    static func write(_ data: Data, to url: URL) throws {
        try AtomicFileReplacement.replace(url) { temporary in
            do {
                try data.write(to: temporary)
            } catch {
                throw OutputFileError(path: url.path, reason: "the file cannot be written")
            }
        }
    }
}

/// An output file or folder that cannot be written.
struct OutputFileError: Error, CustomStringConvertible {
    /// The file or folder, as given.
    let path: String
    /// Why.
    let reason: String

    /// `cannot write PATH: REASON`.
    var description: String { "cannot write \(path): \(reason)" }
}
