import CHDF5

/// The stored chunks of a dataset, as the file holds them (filtered), read under the
/// library's lock; ``values()`` decodes them without the lock, so that several datasets
/// can be decoded on several threads at once. The decoding checks every Fletcher-32
/// checksum and gives the same values as the library's own read.
public struct HDF5RawChunks: Sendable {
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
    let shape: [Int]
    let chunkShape: [Int]
    let elementType: HDF5ElementType
    let filters: [HDF5Filter]
    let chunks: [Chunk]

    /// Decodes every chunk and assembles the dataset's elements in row-major order.
    /// - Throws: `HDF5Error` naming the dataset when a chunk fails its checksum or does not
    ///   inflate.
    /// - Complexity: O(stored bytes + elements).
    public func values() throws -> HDF5Values {
        let size = elementType.byteCount ?? 1
        let chunkBytes = chunkShape.reduce(1, *) * size
        var output = [UInt8](repeating: 0, count: shape.reduce(1, *) * size)
        for chunk in chunks {
            let decoded: [UInt8]
            do {
                decoded = try decode(chunk, size: chunkBytes)
            } catch let failure as HDF5ChunkFilters.Failure {
                throw context.error("read", failure.reason)
            }
            place(decoded, at: chunk.origin, into: &output, elementSize: size)
        }
        return values(of: output)
    }

    /// The chunk's bytes with the filters undone, last applied first.
    private func decode(_ chunk: Chunk, size: Int) throws -> [UInt8] {
        var bytes = chunk.bytes
        for (index, filter) in filters.enumerated().reversed() where chunk.filterMask & (1 << UInt32(index)) == 0 {
            switch filter {
            case .fletcher32: try HDF5ChunkFilters.removeFletcher32(&bytes)
            case .deflate: bytes = try HDF5ChunkFilters.inflate(bytes, size: size)
            case .shuffle: bytes = HDF5ChunkFilters.unshuffle(bytes, elementSize: elementType.byteCount ?? 1)
            case .other: preconditionFailure("rawChunks() refuses other filters")
            }
        }
        guard bytes.count == size else {
            throw HDF5ChunkFilters.Failure(reason: "a chunk holds \(bytes.count) bytes, not \(size)")
        }
        return bytes
    }

    /// Copies the part of a decoded chunk that lies inside the dataset into `output`, one
    /// contiguous run at a time: the trailing dimensions in which the chunk spans the whole
    /// dataset make one run with the first dimension before them.
    private func place(_ chunk: [UInt8], at origin: [Int], into output: inout [UInt8], elementSize: Int) {
        let rank = shape.count
        let extent = (0..<rank).map { min(chunkShape[$0], shape[$0] - origin[$0]) }
        guard extent.allSatisfy({ $0 > 0 }) else { return }
        var inner = rank - 1
        while inner > 0 && chunkShape[inner] == shape[inner] { inner -= 1 }
        let run = extent[inner...].reduce(elementSize, *)
        var position = [Int](repeating: 0, count: rank)
        output.withUnsafeMutableBytes { output in
            chunk.withUnsafeBytes { chunk in
                while true {
                    var source = 0, target = 0
                    for d in 0..<rank {
                        source = source * chunkShape[d] + position[d]
                        target = target * shape[d] + origin[d] + position[d]
                    }
                    (output.baseAddress! + target * elementSize)
                        .copyMemory(from: chunk.baseAddress! + source * elementSize, byteCount: run)
                    var d = inner - 1
                    while d >= 0 {
                        position[d] += 1
                        if position[d] < extent[d] { break }
                        position[d] = 0
                        d -= 1
                    }
                    if d < 0 { return }
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
    public func rawChunks() throws -> HDF5RawChunks? {
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
                var bytes = [UInt8](repeating: 0, count: Int(size))
                try bytes.withUnsafeMutableBytes { buffer in
                    _ = try context.check(H5Dread_chunk(handle.id, chdf5_p_default(), origin, &mask,
                                                        buffer.baseAddress), "read")
                }
                chunks.append(HDF5RawChunks.Chunk(origin: origin.map { Int($0) }, filterMask: mask, bytes: bytes))
            }
            guard Set(chunks.map(\.origin)).count == chunks.count else { return nil }
            return HDF5RawChunks(context: context, shape: shape, chunkShape: chunkShape, elementType: type,
                                 filters: storage.filters, chunks: chunks)
        }
    }
}
