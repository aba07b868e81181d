import CHDF5
import ParallelWork

/// New datasets whose elements are written together: each dataset is created at once, as
/// ``HDF5Group/createDataset(_:shape:values:)`` creates it, and ``write(threads:)`` then
/// filters the chunks of all of them on several threads (``HDF5ChunkEncoding``, byte for
/// byte as the library's filters) and writes them in the order the datasets were created.
/// The file's bytes do not depend on the number of threads.
package struct HDF5DatasetBatch {
    /// The deflate level of the datasets.
    package let deflateLevel: Int
    private var datasets: [HDF5Dataset] = []
    private var chunks: [Chunk] = []

    /// One chunk to write.
    private struct Chunk {
        /// The index of its dataset.
        let dataset: Int
        let grid: HDF5ChunkGrid
        let origin: [Int]
        let elementSize: Int
        /// The elements of the whole dataset (an array, held until the chunk is written).
        let values: any ContiguousElements
    }

    /// An empty batch whose datasets are deflated at `deflateLevel`.
    package init(deflateLevel: Int = HDF5Storage.deflateLevel) {
        self.deflateLevel = deflateLevel
    }

    /// Creates the dataset `name` of `group`, of `shape`, that will hold `values` (row-major)
    /// once the batch is written.
    /// - Throws: `HDF5Error` naming the dataset when the shape is empty or does not match
    ///   the number of values, or HDF5 fails.
    @discardableResult
    package mutating func createDataset<Number: HDF5Number>(_ name: String, in group: HDF5Group, shape: [Int],
                                                           values: [Number]) throws -> HDF5Dataset {
        let elementSize = MemoryLayout<Number>.stride
        let dataset = try group.createChunkedDataset(name, shape: shape, count: values.count,
                                                     fileType: Number.fileTypeID, elementBytes: elementSize,
                                                     deflateLevel: deflateLevel)
        add(dataset, shape: shape, values: values, elementSize: elementSize)
        return dataset
    }

    /// Creates the one-dimensional dataset `name` of `group` that will hold `strings` once
    /// the batch is written, stored as ``HDF5Group/createDataset(_:strings:)`` stores them.
    /// - Throws: `HDF5Error` naming the dataset when HDF5 fails.
    @discardableResult
    package mutating func createDataset(_ name: String, in group: HDF5Group, strings: [String]) throws -> HDF5Dataset {
        let (byteCount, bytes) = FixedLengthStrings.pack(strings)
        let dataset = try HDF5Library.locked {
            let type = try HDF5StringType.fixed(byteCount: byteCount, group.context.child(group.childPath(name)))
            return try group.createChunkedDataset(name, shape: [strings.count], count: strings.count,
                                                  fileType: type.id, elementBytes: byteCount,
                                                  deflateLevel: deflateLevel)
        }
        add(dataset, shape: [strings.count], values: bytes, elementSize: byteCount)
        return dataset
    }

    /// Queues the chunks of `dataset`, of `shape`, whose elements are `values`.
    private mutating func add(_ dataset: HDF5Dataset, shape: [Int], values: any ContiguousElements,
                              elementSize: Int) {
        let grid = HDF5ChunkGrid(shape: shape,
                                 chunkShape: HDF5Storage.chunkShape(for: shape, elementBytes: elementSize))
        chunks += grid.origins.map {
            Chunk(dataset: datasets.count, grid: grid, origin: $0, elementSize: elementSize, values: values)
        }
        datasets.append(dataset)
    }

    /// Writes the chunks of every dataset created in the batch, filtered on up to
    /// `threads` threads, and empties the batch: it holds none of the datasets any more.
    /// - Throws: `HDF5Error` naming the first dataset (in the batch's order) that cannot
    ///   be filtered or written.
    package mutating func write(threads: Int) throws {
        let (datasets, chunks, deflateLevel) = (datasets, chunks, deflateLevel)
        (self.datasets, self.chunks) = ([], [])
        try OrderedWork.run(count: chunks.count, threads: threads, worker: HDF5ChunkEncoding.init) { index, encoding in
            let chunk = chunks[index]
            do {
                return try chunk.values.withUnsafeBytes {
                    try encoding.encode($0, chunkAt: chunk.origin, of: chunk.grid, elementSize: chunk.elementSize,
                                        deflateLevel: deflateLevel)
                }
            } catch let failure as HDF5ChunkFilters.Failure {
                throw datasets[chunk.dataset].context.error("write", failure.reason)
            }
        } consume: { index, stored in
            let chunk = chunks[index], dataset = datasets[chunk.dataset]
            try HDF5Library.locked {
                let offset = chunk.origin.map { hsize_t($0) }
                try dataset.context.check(H5Dwrite_chunk(dataset.handle.id, chdf5_p_default(), 0, offset,
                                                         stored.count, stored.baseAddress), "write")
            }
        }
    }
}

/// An array of numbers, whose bytes the batch reads on any thread.
private protocol ContiguousElements {
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Array: ContiguousElements where Element: HDF5Number {}
