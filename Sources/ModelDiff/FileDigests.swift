import Checksums
import Foundation

/// The SHA-256 of two files, computed on a thread of its own while the caller goes on.
final class FileDigests: @unchecked Sendable {
    /// The size of the pieces the files are read in.
    private static let pieceSize = 1 << 20

    private let done = DispatchSemaphore(value: 0)
    /// Written by the hashing thread before it signals `done`, read after waiting for it.
    private var result: Result<(String, String), DiffError>?

    /// Starts hashing the files at `a` and `b`.
    init(_ a: URL, _ b: URL) {
        Thread.detachNewThread { [self] in
            result = Result { (try Self.digest(a), try Self.digest(b)) }
                .mapError { $0 as? DiffError ?? DiffError("\($0)") }
            done.signal()
        }
    }

    /// Waits for both digests (lowercase hex).
    /// - Throws: ``DiffError`` naming a file that cannot be read.
    func wait() throws -> (String?, String?) {
        done.wait()
        let (a, b) = try result!.get()
        return (a, b)
    }

    /// The digest of the file at `url`, read in pieces.
    private static func digest(_ url: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw DiffError("cannot read \(url.path): the file cannot be opened")
        }
        defer { try? handle.close() }
        var hash = SHA256()
        do {
            while let piece = try handle.read(upToCount: pieceSize), !piece.isEmpty {
                hash.update(piece)
            }
        } catch {
            throw DiffError("cannot read \(url.path): \(error.localizedDescription)")
        }
        return hash.finalize().hex
    }
}
