import ParallelWork

extension HDF5Group {
    /// The shapes and elements of the datasets at `paths` (relative to this group), in the
    /// order of `paths`, each as ``HDF5Dataset/read(_:)`` reads it, on up to `threads`
    /// threads: the stored chunks are read under the library's lock and decoded outside it
    /// (``HDF5Dataset/rawChunks()``), several datasets at once; a dataset whose chunks only
    /// the library decodes is read by the library.
    /// - Throws: `HDF5Error` naming the first dataset (in the order of `paths`) that cannot
    ///   be read, as ``HDF5Dataset/read(_:)`` would.
    package func read<Number: HDF5Number>(_: Number.Type, datasets paths: [String],
                                         threads: Int) throws -> [(shape: [Int], elements: [Number])] {
        var read: [(shape: [Int], elements: [Number])] = []
        try OrderedWork.run(count: paths.count, threads: threads, worker: HDF5ChunkDecoding.init) { index, decoding in
            let dataset = try self.dataset(paths[index])
            let elements = try dataset.rawChunks()?.elements(Number.self, decoding: decoding)
                ?? dataset.read(Number.self)
            return (try dataset.shape(), elements)
        } consume: { _, dataset in
            read.append(dataset)
        }
        return read
    }
}
