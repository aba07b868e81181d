/// The stored bytes of the chunks of new datasets, made without the library: each chunk's
/// elements (zeros past the dataset's edge), shuffled, deflated, then followed by their
/// Fletcher-32 checksum — the filters of ``HDF5Storage`` in their order, byte for byte as
/// the library's own filters store the chunk. One encoding serves one thread, chunk after
/// chunk, in memory it keeps.
final class HDF5ChunkEncoding {
    private let elements = HDF5Scratch(), shuffled = HDF5Scratch(), stored = HDF5Scratch()

    /// The stored bytes of the chunk at `origin` of `grid`, whose dataset's elements are
    /// `values` (row-major, `elementSize` bytes each, little-endian), valid until the next
    /// chunk is encoded.
    /// - Throws: ``HDF5ChunkFilters/Failure`` when zlib fails.
    func encode(_ values: UnsafeRawBufferPointer, chunkAt origin: [Int], of grid: HDF5ChunkGrid,
                elementSize: Int, deflateLevel: Int) throws -> UnsafeRawBufferPointer {
        let chunkBytes = grid.chunkElements * elementSize
        var chunk = values
        if grid.chunkShape != grid.shape {
            let gathered = elements.bytes(chunkBytes)
            gathered.initializeMemory(as: UInt8.self, repeating: 0)
            grid.forEachRun(of: origin) { inChunk, inDataset, count in
                (gathered.baseAddress! + inChunk * elementSize)
                    .copyMemory(from: values.baseAddress! + inDataset * elementSize, byteCount: count * elementSize)
            }
            chunk = UnsafeRawBufferPointer(gathered)
        }
        let shuffled = shuffled.bytes(chunkBytes)
        HDF5ChunkFilters.shuffle(chunk, elementSize: elementSize, into: shuffled)
        let stored = stored.bytes(HDF5ChunkFilters.deflateBound(chunkBytes) + 4)
        let length = try HDF5ChunkFilters.deflate(UnsafeRawBufferPointer(shuffled), level: deflateLevel,
                                                  into: UnsafeMutableRawBufferPointer(rebasing: stored.dropLast(4)))
        return HDF5ChunkFilters.appendFletcher32(to: stored, count: length)
    }
}
