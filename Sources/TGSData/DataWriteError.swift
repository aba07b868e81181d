import Foundation

/// A file or folder of a data set that could not be written.
public struct DataWriteError: Error, Equatable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// What went wrong.
    public let reason: String

    /// An error writing `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write PATH: REASON`, on one line.
    public var description: String { "cannot write \(path): \(reason)" }
}

/// The small file operations of the writers, with their errors as ``DataWriteError``.
enum DataOutput {
    /// Creates `folder` (and its parents) unless it exists.
    static func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DataWriteError(path: folder.path, reason: "the folder cannot be created")
        }
    }

    /// Creates `folder`, refusing one that already holds files.
    static func makeEmptyFolder(_ folder: URL) throws {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard existing.isEmpty else { throw DataWriteError(path: folder.path, reason: "the folder is not empty") }
        try makeFolder(folder)
    }

    /// Writes `text` as UTF-8 through a temporary file renamed into place.
    static func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw DataWriteError(path: url.path, reason: "the file cannot be written")
        }
    }
}
