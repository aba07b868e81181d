import CHDF5
import Foundation

/// The gate to the HDF5 C library: the library may be built without thread safety, so every
/// call into it runs under one process-wide lock, and the library is set up (opened, its
/// automatic error printing turned off) before the first call.
enum HDF5Library {
    /// Recursive, so that an operation may call others while it holds the lock.
    private static let lock = NSRecursiveLock()

    /// Runs once: keeps the library from closing files at the program's exit (every file
    /// is closed by its owner; a file whose close failed, on a full disk say, would make that
    /// late close crash), opens the library and unregisters external links, so that no file
    /// can make the program open another file.
    private static let setUp: Void = {
        _ = H5dont_atexit()
        _ = H5open()
        _ = H5Lunregister(H5L_TYPE_EXTERNAL)
    }()

    /// Marks the threads whose error printing is off (the library keeps that setting per
    /// thread).
    private static let silencedThread: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` while holding the library's lock, with the library's error printing off
    /// on this thread, so that failures reach the caller only as Swift errors built from
    /// the error stack.
    @discardableResult
    static func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        _ = setUp
        if pthread_getspecific(silencedThread) == nil {
            _ = H5Eset_auto2(chdf5_e_default(), nil, nil)
            pthread_setspecific(silencedThread, UnsafeRawPointer(bitPattern: 1))
        }
        return try body()
    }
}
