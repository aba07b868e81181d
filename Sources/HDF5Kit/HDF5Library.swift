import CHDF5
import Foundation

/// The gate to the HDF5 C library: the library is not thread-safe in this build, so every
/// call into it runs under one process-wide lock, and the library is set up (opened, its
/// automatic error printing turned off) before the first call.
enum HDF5Library {
    /// Recursive, so that an operation may call others while it holds the lock.
    private static let lock = NSRecursiveLock()

    /// Runs once: opens the library, silences its error printing, so that failures reach
    /// the caller only as Swift errors built from the error stack, and unregisters external
    /// links, so that no file can make the program open another file.
    private static let setUp: Void = {
        _ = H5open()
        _ = H5Eset_auto2(chdf5_e_default(), nil, nil)
        _ = H5Lunregister(H5L_TYPE_EXTERNAL)
    }()

    /// Runs `body` while holding the library's lock.
    @discardableResult
    static func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        _ = setUp
        return try body()
    }
}
