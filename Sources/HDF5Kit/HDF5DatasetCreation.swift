import CHDF5

/// How every dataset is stored: chunked, with the shuffle, deflate and Fletcher-32
/// filters (in that order, so that the checksum covers the compressed bytes), without
/// time stamps.
public enum HDF5Storage {
    /// The deflate level: the fastest, since trained weights compress little better at higher levels.
    public static let deflateLevel = 1
    /// The largest chunk, in bytes, before the outer dimensions are split.
    public static let chunkByteLimit = 1 << 20

    /// The chunk shape of a dataset of `shape` with elements of `elementBytes` bytes: the
    /// whole dataset (a zero extent counts as one), halving the first dimension that is
    /// still larger than one until the chunk fits in ``chunkByteLimit``.
    public static func chunkShape(for shape: [Int], elementBytes: Int) -> [Int] {
        var chunk = shape.map { max($0, 1) }
        while chunk.reduce(elementBytes, *) > chunkByteLimit, let index = chunk.firstIndex(where: { $0 > 1 }) {
            chunk[index] = (chunk[index] + 1) / 2
        }
        return chunk
    }
}

extension HDF5Group {
    /// Creates the dataset `name` of `shape` holding `values` in row-major order.
    /// A dimension of extent zero may grow (its maximum is unlimited): HDF5 requires chunks
    /// no larger than fixed dimensions.
    /// - Throws: `HDF5Error` naming the dataset when the shape is empty (a scalar cannot be
    ///   chunked), does not match the number of values, or HDF5 fails.
    @discardableResult
    public func createDataset<Number: HDF5Number>(_ name: String, shape: [Int],
                                                  values: [Number]) throws -> HDF5Dataset {
        try HDF5Library.locked {
            let context = context.child(childPath(name))
            guard shape.reduce(1, *) == values.count, shape.allSatisfy({ $0 >= 0 }) else {
                throw context.error("create", "\(values.count) values do not fill shape \(shape)")
            }
            return try createChunkedDataset(name, shape: shape, fileType: Number.fileTypeID,
                                            elementBytes: MemoryLayout<Number>.stride) { dataset in
                values.withUnsafeBytes { H5Dwrite(dataset, Number.nativeTypeID, chdf5_s_all(), chdf5_s_all(),
                                                  chdf5_p_default(), $0.baseAddress) }
            }
        }
    }

    /// Creates the one-dimensional dataset `name` of UTF-8 strings, stored as fixed-length
    /// strings as wide as the longest one (HDF5 refuses the Fletcher-32 filter on
    /// variable-length types, and fixed-length strings keep every byte inside the
    /// checksummed chunks). A string stops at its first NUL character.
    /// - Throws: `HDF5Error` naming the dataset when HDF5 fails.
    @discardableResult
    public func createDataset(_ name: String, strings: [String]) throws -> HDF5Dataset {
        try HDF5Library.locked {
            let (byteCount, bytes) = FixedLengthStrings.pack(strings)
            let type = try HDF5StringType.fixed(byteCount: byteCount, context.child(childPath(name)))
            return try createChunkedDataset(name, shape: [strings.count], fileType: type.id,
                                            elementBytes: byteCount) { dataset in
                bytes.withUnsafeBytes { H5Dwrite(dataset, type.id, chdf5_s_all(), chdf5_s_all(),
                                                 chdf5_p_default(), $0.baseAddress) }
            }
        }
    }

    /// Creates a chunked, filtered dataset and fills it with `write` (not called when the
    /// dataset has no elements).
    private func createChunkedDataset(_ name: String, shape: [Int], fileType: hid_t, elementBytes: Int,
                                      write: (hid_t) -> herr_t) throws -> HDF5Dataset {
        let path = childPath(name)
        let context = context.child(path)
        guard !shape.isEmpty else { throw context.error("create", "a dataset needs at least one dimension") }
        let dimensions = shape.map { hsize_t($0) }
        let maximum = shape.map { $0 == 0 ? chdf5_s_unlimited() : hsize_t($0) }
        let space = try context.handle(H5Screate_simple(Int32(shape.count), dimensions, maximum), "create",
                                       closer: H5Sclose)
        let properties = try HDF5PropertyLists.untimed(chdf5_p_dataset_create(), context)
        let chunk = HDF5Storage.chunkShape(for: shape, elementBytes: elementBytes).map { hsize_t($0) }
        try context.check(H5Pset_chunk(properties.id, Int32(chunk.count), chunk), "create")
        try context.check(H5Pset_shuffle(properties.id), "create")
        try context.check(H5Pset_deflate(properties.id, UInt32(HDF5Storage.deflateLevel)), "create")
        try context.check(H5Pset_fletcher32(properties.id), "create")
        let dataset = try context.handle(
            H5Dcreate2(handle.id, name, fileType, space.id, chdf5_p_default(), properties.id, chdf5_p_default()),
            "create", closer: H5Dclose)
        if shape.reduce(1, *) > 0 {
            try context.check(write(dataset.id), "write")
        }
        return HDF5Dataset(handle: dataset, file: context.file, path: path)
    }
}
