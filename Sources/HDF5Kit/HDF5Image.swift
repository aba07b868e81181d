import Foundation

/// The bytes of a file in memory, which neither move nor change: the library reads them in
/// place when it opens them (``HDF5File/open(image:name:)``), and every object opened from
/// them holds them. Copies share the bytes.
package struct HDF5Image: RandomAccessCollection, Sendable {
    /// The memory, from `malloc`, freed when the last copy of the image goes. The bytes are
    /// written once, before the image is shared, and only read after; so the one pointer to
    /// them is safe to share, which the compiler cannot see.
    final class Storage: Sendable {
        nonisolated(unsafe) let bytes: UnsafeMutableBufferPointer<UInt8>

        /// Takes ownership of `count` bytes at `address`, which `malloc` returned.
        init(adopting address: UnsafeMutableRawPointer, count: Int) {
            bytes = UnsafeMutableRawBufferPointer(start: address, count: count).bindMemory(to: UInt8.self)
        }

        deinit { free(bytes.baseAddress) }
    }

    /// The memory, for the handles that must hold it.
    let storage: Storage

    /// An image of the `count` bytes at `address`, which `malloc` returned: the image frees
    /// them.
    private init(adopting address: UnsafeMutableRawPointer, count: Int) {
        storage = Storage(adopting: address, count: count)
    }

    /// An image of `count` bytes, still to be written.
    private init(uninitialized count: Int) {
        self.init(adopting: malloc(Swift.max(count, 1))!, count: count)
    }

    /// An image of `count` bytes that `fill` writes.
    /// - Returns: nil when `fill` returns false.
    init?(count: Int, filling fill: (UnsafeMutableRawBufferPointer) -> Bool) {
        self.init(uninitialized: count)
        guard fill(UnsafeMutableRawBufferPointer(storage.bytes)) else { return nil }
    }

    /// An image holding a copy of `bytes`.
    package init(_ bytes: [UInt8]) {
        self.init(uninitialized: bytes.count)
        _ = storage.bytes.initialize(from: bytes)
    }

    /// 0.
    package var startIndex: Int { 0 }
    /// The number of bytes.
    package var endIndex: Int { storage.bytes.count }

    /// The byte at `position`.
    package subscript(position: Int) -> UInt8 {
        precondition(indices.contains(position), "index out of range")
        return storage.bytes[position]
    }

    /// The address of the first byte, valid while the image (or a copy of it) lives.
    var baseAddress: UnsafeRawPointer { UnsafeRawPointer(storage.bytes.baseAddress!) }

    /// Calls `body` with the bytes.
    package func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(storage.bytes))
    }

    /// Calls `body` with the bytes: they are always contiguous.
    package func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        try body(UnsafeBufferPointer(storage.bytes))
    }
}
