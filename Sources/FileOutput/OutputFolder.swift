#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

/// The folders that output files go into.
package enum OutputFolder {
    /// Creates the folder at `url` and any missing parents; an existing folder is fine.
    /// - Throws: ``FileWriteError`` naming the folder when it cannot be created or a file
    ///   stands in its place.
    package static func make(_ url: URL) throws {
        var path = ""
        for component in url.standardizedFileURL.path.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            guard mkdir(path, 0o755) != 0 else { continue }
            let code = errno
            guard code == EEXIST else { throw FileWriteError(path: url.path, operation: "mkdir", code: code) }
            guard isFolder(path) else {
                throw FileWriteError(path: url.path, reason: "\(path) is a file, not a folder")
            }
        }
    }

    /// Creates the folder at `url` (and its parents) and refuses one that already holds
    /// files, so that a writer never mixes its files with others.
    /// - Throws: ``FileWriteError`` naming the folder.
    package static func makeEmpty(_ url: URL) throws {
        if isFolder(url.path), let entries = try? FileManager.default.contentsOfDirectory(atPath: url.path),
           !entries.isEmpty {
            throw FileWriteError(path: url.path, reason: "the folder is not empty")
        }
        try make(url)
    }

    /// Throws unless the folder that is to hold the file `url` exists, so that a command
    /// can stop before its work rather than after it.
    /// - Throws: ``FileWriteError`` naming the file.
    package static func requireParent(of url: URL) throws {
        let folder = url.deletingLastPathComponent()
        guard isFolder(folder.path) else {
            throw FileWriteError(path: url.path, reason: "its folder \(folder.path) does not exist")
        }
    }

    /// Whether a folder exists at `path` (following symbolic links).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
