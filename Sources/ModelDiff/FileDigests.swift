import Checksums
import Foundation
import HDF5Kit

/// The SHA-256 of two files' bytes, computed on a thread of its own while the caller goes on.
final class FileDigests: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the hashing thread before it signals `done`, read after waiting for it.
    private var digests: (String, String)?

    /// Starts hashing `a` and `b`.
    init(_ a: HDF5Image, _ b: HDF5Image) {
        Thread.detachNewThread { [self] in
            digests = (SHA256.hash(a).hex, SHA256.hash(b).hex)
            done.signal()
        }
    }

    /// Waits for both digests (lowercase hex).
    func wait() -> (String?, String?) {
        done.wait()
        return digests.map { ($0.0, $0.1) } ?? (nil, nil)
    }
}
