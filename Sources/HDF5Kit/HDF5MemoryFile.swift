import CHDF5
import Foundation

extension HDF5File {
    /// Creates a new file in memory, with the library's core driver: nothing touches the
    /// disk, so that writing fails only for want of memory, and ``closeAsImage()`` returns
    /// the bytes that the library would have written to a file.
    /// - Parameters:
    ///   - name: how errors name the file.
    ///   - sealable: whether the file starts with a user block for a seal (``HDF5Seal``),
    ///     which ``closeAsImage()`` writes.
    /// - Throws: `HDF5Error` naming the file when the library cannot create it.
    public static func createInMemory(name: String, sealable: Bool = false) throws -> HDF5File {
        let memory = HDF5MemorySink(userBlockSize: sealable ? HDF5Seal.userBlockSize : 0)
        let context = HDF5Context(file: name, object: nil, memory: memory)
        // The library's own name for the file, which no other open file has.
        return try create("memory \(UUID().uuidString)", flags: chdf5_f_acc_trunc(), sealable: sealable,
                          context: context) { access in
            try context.check(H5Pset_fapl_core(access.id, HDF5MemorySink.increment, false), "create")
            var callbacks = memory.callbacks
            try context.check(H5Pset_file_image_callbacks(access.id, &callbacks), "create")
        }
    }

    /// Closes a file made by ``createInMemory(name:sealable:)`` for good and returns its
    /// bytes, sealed when it was created sealable.
    /// - Throws: `HDF5Error` naming the file when it was not created in memory, when
    ///   groups or datasets of it are still open, or when the library fails.
    public func closeAsImage() throws -> HDF5Image {
        try HDF5Library.locked {
            guard let memory = context.memory as? HDF5MemorySink else {
                throw context.error("close", "the file is not in memory")
            }
            try close()
            guard let (address, capacity) = memory.takeClosed() else {
                throw context.error("close", "groups or datasets of the file are still open")
            }
            // The memory may reach past the file's end, which its superblock records.
            guard let length = Self.endOfFile(UnsafeRawBufferPointer(start: address, count: capacity),
                                              superblockAt: memory.userBlockSize) else {
                free(address)
                throw context.error("close", "the library left no superblock in memory")
            }
            let bytes = UnsafeMutableRawBufferPointer(start: realloc(address, length)!, count: length)
            if memory.userBlockSize > 0 { HDF5Seal.seal(bytes) }
            return HDF5Image(adopting: bytes.baseAddress!, count: length)
        }
    }
}

/// The memory that the core driver writes a new file into: obtained with `malloc` and
/// `realloc`, and kept, not freed, when the file closes.
///
/// The driver asks for its memory to grow a step at a time (and fills each step with
/// zeros); the sink at least doubles it whenever it must grow, so that a large file is
/// moved or remapped a few times only, and a small one takes little memory.
final class HDF5MemorySink: @unchecked Sendable {
    /// The step by which the driver grows the file.
    static let increment = 1 << 20

    /// The size of the file's user block.
    let userBlockSize: Int
    private var capacity = 0
    private var closed: UnsafeMutableRawPointer?

    init(userBlockSize: Int) {
        self.userBlockSize = userBlockSize
    }

    deinit { free(closed) }

    /// The memory of the closed file and its size, which the caller then owns; nil when
    /// the file has not closed.
    func takeClosed() -> (UnsafeMutableRawPointer, Int)? {
        defer { closed = nil }
        return closed.map { ($0, capacity) }
    }

    /// The library's callbacks, which pass this sink to each other.
    var callbacks: H5FD_file_image_callbacks_t {
        H5FD_file_image_callbacks_t(
            image_malloc: { size, _, _ in malloc(size) },
            image_memcpy: { destination, source, size, _, _ in memcpy(destination!, source!, size) },
            image_realloc: { address, size, _, sink in HDF5MemorySink.from(sink).resize(address, to: size) },
            image_free: { address, operation, sink in
                if operation == H5FD_FILE_IMAGE_OP_FILE_CLOSE {
                    HDF5MemorySink.from(sink).closed = address
                } else {
                    free(address)
                }
                return 0
            },
            udata_copy: { $0 }, udata_free: { _ in 0 },
            udata: Unmanaged.passUnretained(self).toOpaque())
    }

    private static func from(_ sink: UnsafeMutableRawPointer?) -> HDF5MemorySink {
        Unmanaged<HDF5MemorySink>.fromOpaque(sink!).takeUnretainedValue()
    }

    /// The file's memory, at `address` (none yet when nil), with room for `size` bytes at
    /// least.
    private func resize(_ address: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        if let address, size <= capacity { return address }
        let grown = max(size, 2 * capacity)
        guard let resized = realloc(address, grown) else { return nil }
        capacity = grown
        return resized
    }
}
