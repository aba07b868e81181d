import Checksums
import Foundation

/// The SHA-256 of a file on disk, read once through a buffer of one block.
enum FileDigest {
    /// The lowercase hex SHA-256 of the bytes of the file at `url`.
    /// - Parameter name: how errors name the file.
    /// - Throws: ``ModelFileError/unhashable(file:)`` when the file cannot be read.
    static func sha256(of url: URL, name: String) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ModelFileError.unhashable(file: name)
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while true {
            let block: Data?
            do {
                block = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ModelFileError.unhashable(file: name)
            }
            // No data (nil or empty) at the end of the file.
            guard let block, !block.isEmpty else { return hash.finalize().hex }
            block.withUnsafeBytes { hash.update($0) }
        }
    }
}
