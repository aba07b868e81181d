/// The decoding of stored chunks without the library: their filters undone, last applied
/// first, each the exact reverse of the library's (``HDF5ChunkFilters``). One decoding
/// serves one thread, chunk after chunk, in memory it keeps.
final class HDF5ChunkDecoding {
    /// Two buffers, so that each filter reads from one and writes into the other.
    private let buffers = (HDF5Scratch(), HDF5Scratch())

    /// The bytes of the chunk `stored` with `filters` undone (but those whose bit is set in
    /// `mask`), which must make `size` bytes of elements of `elementSize` bytes; valid
    /// until the next chunk is decoded, or as long as `stored` when no filter moved them.
    /// - Throws: ``HDF5ChunkFilters/Failure`` when a checksum does not match, the data do
    ///   not inflate, or the chunk holds another size.
    func decode(_ stored: UnsafeRawBufferPointer, filters: [HDF5Filter], skipping mask: UInt32, size: Int,
                elementSize: Int) throws -> UnsafeRawBufferPointer {
        var bytes = stored
        var nextIsFirst = true
        func output(_ count: Int) -> UnsafeMutableRawBufferPointer {
            defer { nextIsFirst.toggle() }
            return nextIsFirst ? buffers.0.bytes(count) : buffers.1.bytes(count)
        }
        for (index, filter) in filters.enumerated().reversed() where mask & (1 << UInt32(index)) == 0 {
            switch filter {
            case .fletcher32:
                bytes = try HDF5ChunkFilters.checkFletcher32(bytes)
            case .deflate:
                let inflated = output(size)
                try HDF5ChunkFilters.inflate(bytes, into: inflated)
                bytes = UnsafeRawBufferPointer(inflated)
            case .shuffle:
                let unshuffled = output(bytes.count)
                HDF5ChunkFilters.unshuffle(bytes, elementSize: elementSize, into: unshuffled)
                bytes = UnsafeRawBufferPointer(unshuffled)
            case .other:
                preconditionFailure("rawChunks() refuses other filters")
            }
        }
        guard bytes.count == size else {
            throw HDF5ChunkFilters.Failure(reason: "a chunk holds \(bytes.count) bytes, not \(size)")
        }
        return bytes
    }
}
