import CHDF5

/// The stored chunks of a dataset, as the file holds them (filtered), read under the
/// library's lock; ``values()`` decodes them without the lock, so that several datasets
/// can be decoded on several threads at once. The decoding checks every Fletcher-32
/// checksum and gives the same values as the library's own read.
package struct HDF5RawChunks: Sendable {
    /// One stored chunk.
    struct Chunk: Sendable {
        /// The coordinates of its first element in the dataset.
        let origin: [Int]
        /// Bit k set: filter k of the pipeline was not applied to this chunk.
        let filterMask: UInt32
        /// Its bytes in the file.
        let bytes: [UInt8]
    }

    /// The element types this decoding handles (stored little-endian).
    static let decodableTypes: Set<HDF5ElementType> = [.float32, .float64, .int64, .uint64, .uint8]

    let context: HDF5Context
    let grid: HDF5ChunkGrid
    let elementType: HDF5ElementType
    let filters: [HDF5Filter]
    let chunks: [Chunk]

    /// Decodes every chunk and assembles the dataset's elements in row-major order.
    /// - Throws: `HDF5Error` naming the dataset when a chunk fails its checksum or does not
    ///   inflate.
    /// - Complexity: O(stored bytes + elements).
    package func values() throws -> HDF5Values {
        var output = [UInt8](repeating: 0, count: grid.shape.reduce(1, *) * (elementType.byteCount ?? 1))
        try output.withUnsafeMutableBytes { try assemble(into: $0, decoding: HDF5ChunkDecoding()) }
        return values(of: output)
    }

    /// The dataset's elements in row-major order, as ``values()`` decodes them, as numbers
    /// of the stored type, decoded in the memory of `decoding`.
    /// - Throws: `HDF5Error` naming the dataset when it does not store `Number`'s type, or
    ///   as ``values()``.
    func elements<Number: HDF5Number>(_: Number.Type, decoding: HDF5ChunkDecoding) throws -> [Number] {
        guard elementType == Number.elementType else {
            throw context.error("read", "stored as \(elementType), not \(Number.elementType)")
        }
        let count = grid.shape.reduce(1, *)
        // Every element lies in exactly one stored chunk (rawChunks() checks it).
        return try [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
            try assemble(into: UnsafeMutableRawBufferPointer(buffer), decoding: decoding)
            initialized = count
        }
    }

    /// Decodes every chunk into its place in `output`, the dataset's bytes.
    private func assemble(into output: UnsafeMutableRawBufferPointer, decoding: HDF5ChunkDecoding) throws {
        let size = elementType.byteCount ?? 1
        for chunk in chunks {
            try chunk.bytes.withUnsafeBytes { stored in
                let decoded: UnsafeRawBufferPointer
                do {
                    decoded = try decoding.decode(stored, filters: filters, skipping: chunk.filterMask,
                                                  size: grid.chunkElements * size, elementSize: size)
                } catch let failure as HDF5ChunkFilters.Failure {
                    throw context.error("read", failure.reason)
                }
                grid.forEachRun(of: chunk.origin) { inChunk, inDataset, count in
                    (output.baseAddress! + inDataset * size)
                        .copyMemory(from: decoded.baseAddress! + inChunk * size, byteCount: count * size)
                }
            }
        }
    }

    /// The little-endian bytes of the elements as values.
    private func values(of bytes: [UInt8]) -> HDF5Values {
        func elements<Element>(_: Element.Type) -> [Element] {
            let count = bytes.count / MemoryLayout<Element>.size
            return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    let whole = UnsafeRawBufferPointer(rebasing: raw.prefix(count * MemoryLayout<Element>.size))
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: whole)
                }
                initialized = count
            }
        }
        switch elementType {
        case .float32:
            // One pass from the bytes to doubles, without an array of floats between.
            let count = bytes.count / 4
            return .floats([Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    for i in 0..<count { buffer[i] = Double(raw.loadUnaligned(fromByteOffset: 4 * i, as: Float.self)) }
                }
                initialized = count
            })
        case .float64: return .floats(elements(Double.self))
        case .int64: return .signedIntegers(elements(Int64.self))
        case .uint64: return .unsignedIntegers(elements(UInt64.self))
        default: return .unsignedIntegers(bytes.map(UInt64.init))
        }
    }
}

extension HDF5Dataset {
    /// The dataset's stored chunks, read for ``HDF5RawChunks/values()``; nil when only the
    /// library can read it: not chunked, a filter other than shuffle, deflate and
    /// Fletcher-32, an element type other than little-endian float32, float64, int64,
    /// uint64 or uint8, no elements, or chunks that are not all stored.
    /// - Throws: `HDF5Error` naming the dataset when a chunk cannot be read.
    package func rawChunks() throws -> HDF5RawChunks? {
        try HDF5Library.locked {
            let type = try elementType()
            let storage = try storage()
            guard HDF5RawChunks.decodableTypes.contains(type), storage.layout == .chunked,
                  let chunkShape = storage.chunkShape,
                  storage.filters.allSatisfy({ if case .other = $0 { false } else { true } }) else { return nil }
            let stored = try context.handle(H5Dget_type(handle.id), "read", closer: H5Tclose)
            guard H5Tget_order(stored.id) != H5T_ORDER_BE else { return nil }
            let shape = try shape()
            try requireReadable(elementBytes: type.byteCount ?? 1)
            guard chunkShape.count == shape.count, chunkShape.allSatisfy({ $0 > 0 }),
                  chunkShape.reduce(type.byteCount ?? 1, *) <= Self.maximumReadBytes else { return nil }
            let grid = zip(shape, chunkShape).reduce(1) { $0 * (($1.0 + $1.1 - 1) / $1.1) }
            let space = try context.handle(H5Dget_space(handle.id), "read", closer: H5Sclose)
            var count: hsize_t = 0
            try context.check(H5Dget_num_chunks(handle.id, space.id, &count), "read")
            guard grid > 0, Int(count) == grid else { return nil }
            let chunkBytes = chunkShape.reduce(type.byteCount ?? 1, *)
            var chunks: [HDF5RawChunks.Chunk] = []
            for index in 0..<count {
                var origin = [hsize_t](repeating: 0, count: shape.count)
                var mask: UInt32 = 0, address: haddr_t = 0, size: hsize_t = 0
                try context.check(H5Dget_chunk_info(handle.id, space.id, index, &origin, &mask, &address, &size),
                                  "read")
                // A damaged index could point anywhere: chunks off the grid, or of an
                // implausible size, are left to the library's own read.
                guard zip(origin, zip(shape, chunkShape)).allSatisfy({ Int($0) < $1.0 && Int($0) % $1.1 == 0 }),
                      Int(size) <= 2 * chunkBytes + 1024 else { return nil }
                let bytes = try [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
                    try context.check(H5Dread_chunk(handle.id, chdf5_p_default(), origin, &mask, buffer.baseAddress),
                                      "read")
                    count = buffer.count
                }
                chunks.append(HDF5RawChunks.Chunk(origin: origin.map { Int($0) }, filterMask: mask, bytes: bytes))
            }
            guard Set(chunks.map(\.origin)).count == chunks.count else { return nil }
            return HDF5RawChunks(context: context, grid: HDF5ChunkGrid(shape: shape, chunkShape: chunkShape),
                                 elementType: type, filters: storage.filters, chunks: chunks)
        }
    }
}
