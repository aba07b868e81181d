import CHDF5

/// How every dataset is stored: chunked, with the shuffle, deflate and Fletcher-32
/// filters (in that order, so that the checksum covers the compressed bytes), without
/// time stamps.
package enum HDF5Storage {
    /// The deflate level of ``HDF5Group/createDataset(_:shape:values:)`` and
    /// ``HDF5Group/createDataset(_:strings:)``: the fastest level that compresses, since
    /// higher levels compress floating-point data little better. A batch
    /// (``HDF5DatasetBatch``) may choose another, 0 (stored, not compressed) among them.
    package static let deflateLevel = 1
    /// The largest chunk, in bytes, before the outer dimensions are split.
    package static let chunkByteLimit = 1 << 20

    /// The chunk shape of a dataset of `shape` with elements of `elementBytes` bytes: the
    /// whole dataset (a zero extent counts as one), halving the first dimension that is
    /// still larger than one until the chunk fits in ``chunkByteLimit``.
    package static func chunkShape(for shape: [Int], elementBytes: Int) -> [Int] {
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
    package func createDataset<Number: HDF5Number>(_ name: String, shape: [Int],
                                                  values: [Number]) throws -> HDF5Dataset {
        try createChunkedDataset(name, shape: shape, count: values.count, fileType: Number.fileTypeID,
                                 elementBytes: MemoryLayout<Number>.stride,
                                 deflateLevel: HDF5Storage.deflateLevel) { dataset in
            values.withUnsafeBytes { H5Dwrite(dataset, Number.nativeTypeID, chdf5_s_all(), chdf5_s_all(),
                                              chdf5_p_default(), $0.baseAddress) }
        }
    }

    /// Creates the one-dimensional dataset `name` of UTF-8 strings, stored as fixed-length
    /// strings as wide as the longest one (HDF5 refuses the Fletcher-32 filter on
    /// variable-length types, and fixed-length strings keep every byte inside the
    /// checksummed chunks). A string stops at its first NUL character.
    /// - Throws: `HDF5Error` naming the dataset when HDF5 fails.
    @discardableResult
    package func createDataset(_ name: String, strings: [String]) throws -> HDF5Dataset {
        try HDF5Library.locked {
            let (byteCount, bytes) = FixedLengthStrings.pack(strings)
            let type = try HDF5StringType.fixed(byteCount: byteCount, context.child(childPath(name)))
            return try createChunkedDataset(name, shape: [strings.count], count: strings.count,
                                            fileType: type.id, elementBytes: byteCount,
                                            deflateLevel: HDF5Storage.deflateLevel) { dataset in
                bytes.withUnsafeBytes { H5Dwrite(dataset, type.id, chdf5_s_all(), chdf5_s_all(),
                                                 chdf5_p_default(), $0.baseAddress) }
            }
        }
    }

    /// Creates the chunked, filtered dataset `name` of `shape` (in chunks of
    /// ``HDF5Storage/chunkShape(for:elementBytes:)``, deflated at `deflateLevel`) for
    /// `count` elements of `elementBytes` bytes each, and fills it with `write` (when given,
    /// and not when the dataset has no elements).
    /// - Throws: `HDF5Error` naming the dataset when `count` does not fill the shape, the
    ///   shape is empty (a scalar cannot be chunked), or HDF5 fails.
    func createChunkedDataset(_ name: String, shape: [Int], count: Int, fileType: hid_t, elementBytes: Int,
                              deflateLevel: Int, write: ((hid_t) -> herr_t)? = nil) throws -> HDF5Dataset {
        try HDF5Library.locked {
            let path = childPath(name)
            let context = context.child(path)
            guard shape.reduce(1, *) == count, shape.allSatisfy({ $0 >= 0 }) else {
                throw context.error("create", "\(count) values do not fill shape \(shape)")
            }
            guard !shape.isEmpty else { throw context.error("create", "a dataset needs at least one dimension") }
            let dimensions = shape.map { hsize_t($0) }
            let maximum = shape.map { $0 == 0 ? chdf5_s_unlimited() : hsize_t($0) }
            let space = try context.handle(H5Screate_simple(Int32(shape.count), dimensions, maximum), "create",
                                           closer: H5Sclose)
            let properties = try HDF5PropertyLists.untimed(chdf5_p_dataset_create(), context)
            let chunk = HDF5Storage.chunkShape(for: shape, elementBytes: elementBytes).map { hsize_t($0) }
            try context.check(H5Pset_chunk(properties.id, Int32(chunk.count), chunk), "create")
            try context.check(H5Pset_shuffle(properties.id), "create")
            try context.check(H5Pset_deflate(properties.id, UInt32(deflateLevel)), "create")
            try context.check(H5Pset_fletcher32(properties.id), "create")
            let dataset = try context.handle(
                H5Dcreate2(handle.id, name, fileType, space.id, chdf5_p_default(), properties.id, chdf5_p_default()),
                "create", closer: H5Dclose)
            if let write, count > 0 {
                try context.check(write(dataset.id), "write")
            }
            return HDF5Dataset(handle: dataset, in: self.context, path: path)
        }
    }
}
