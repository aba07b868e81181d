import CHDF5

/// An open dataset.
package final class HDF5Dataset: HDF5Object {
    /// The extent of each dimension (empty for a scalar dataset).
    /// - Throws: `HDF5Error` when HDF5 cannot read the dataspace.
    package func shape() throws -> [Int] {
        try HDF5Library.locked {
            let space = try context.handle(H5Dget_space(handle.id), "read shape", closer: H5Sclose)
            return try HDF5Dataspace.shape(of: space, context)
        }
    }

    /// The number of elements.
    /// - Throws: `HDF5Error` when HDF5 cannot read the dataspace.
    package func elementCount() throws -> Int {
        try shape().reduce(1, *)
    }

    /// The type of the stored elements.
    /// - Throws: `HDF5Error` when HDF5 cannot read the datatype.
    package func elementType() throws -> HDF5ElementType {
        try HDF5Library.locked {
            let type = try context.handle(H5Dget_type(handle.id), "read type", closer: H5Tclose)
            return HDF5ElementType(describing: type.id)
        }
    }

    /// Reads every element, in row-major order.
    /// - Throws: `HDF5Error` naming the dataset when it does not store `Number`'s type,
    ///   or when the read fails (a checksum mismatch, a damaged file).
    package func read<Number: HDF5Number>(_: Number.Type = Number.self) throws -> [Number] {
        try HDF5Library.locked {
            try requireType(Number.elementType)
            return try read(as: Number.self, memoryType: Number.nativeTypeID)
        }
    }

    /// Reads every element converted by HDF5 to `memoryType`, whose Swift type is
    /// `Element` (a type of plain bytes, which the library writes straight into the array).
    func read<Element>(as _: Element.Type, memoryType: hid_t) throws -> [Element] {
        try HDF5Library.locked {
            try requireReadable(elementBytes: MemoryLayout<Element>.stride)
            let count = try elementCount()
            return try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard count > 0 else { return }
                try context.check(H5Dread(handle.id, memoryType, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(),
                                          buffer.baseAddress), "read")
                initialized = count
            }
        }
    }

    /// Reads every element of a dataset of fixed-length strings, each ending at its first
    /// NUL (invalid UTF-8 reads as U+FFFD).
    /// - Throws: `HDF5Error` naming the dataset when it does not store fixed-length
    ///   strings, or when the read fails.
    package func readStrings() throws -> [String] {
        try HDF5Library.locked {
            guard case .fixedString(let byteCount) = try elementType() else {
                throw context.error("read", "stored as \(try elementType()), not fixed-length strings")
            }
            try requireReadable(elementBytes: byteCount)
            let type = try context.handle(H5Dget_type(handle.id), "read", closer: H5Tclose)
            var bytes = [UInt8](repeating: 0, count: try elementCount() * byteCount)
            guard !bytes.isEmpty else { return [] }
            try bytes.withUnsafeMutableBytes { buffer in
                _ = try context.check(H5Dread(handle.id, type.id, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(),
                                              buffer.baseAddress), "read")
            }
            return FixedLengthStrings.unpack(bytes, byteCount: byteCount)
        }
    }

    /// Reads every element whatever its type and discards the values: the data pass
    /// through every filter, so a checksum mismatch or a damaged chunk is found.
    /// - Throws: `HDF5Error` naming the dataset when the read fails.
    package func readAndDiscard() throws {
        try HDF5Library.locked {
            let stored = try context.handle(H5Dget_type(handle.id), "read", closer: H5Tclose)
            let memory = try context.handle(H5Tget_native_type(stored.id, H5T_DIR_ASCEND), "read",
                                            closer: H5Tclose)
            let space = try context.handle(H5Dget_space(handle.id), "read", closer: H5Sclose)
            let count = try elementCount()
            guard count > 0 else { return }
            try requireReadable(elementBytes: H5Tget_size(memory.id))
            var bytes = [UInt8](repeating: 0, count: count * H5Tget_size(memory.id))
            let hasVariableLength = H5Tdetect_class(memory.id, H5T_VLEN) > 0 || H5Tis_variable_str(memory.id) > 0
            try bytes.withUnsafeMutableBytes { buffer in
                let status = H5Dread(handle.id, memory.id, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(),
                                     buffer.baseAddress)
                if hasVariableLength {
                    _ = H5Dvlen_reclaim(memory.id, space.id, chdf5_p_default(), buffer.baseAddress)
                }
                try context.check(status, "read")
            }
        }
    }

    /// How the dataset is stored: layout, chunk shape, filters and bytes in the file.
    /// - Throws: `HDF5Error` when HDF5 cannot read the creation properties.
    package func storage() throws -> HDF5StorageInfo {
        try HDF5Library.locked {
            let properties = try context.handle(H5Dget_create_plist(handle.id), "read storage", closer: H5Pclose)
            return try HDF5StorageInfo(properties: properties, storedBytes: Int(H5Dget_storage_size(handle.id)),
                                       context)
        }
    }

    /// Where each stored chunk lies in the file, in chunk index order.
    /// - Throws: `HDF5Error` when the dataset is not chunked or HDF5 cannot list its chunks.
    package func chunkLocations() throws -> [HDF5ChunkLocation] {
        try HDF5Library.locked {
            var count: hsize_t = 0
            let space = try context.handle(H5Dget_space(handle.id), "list chunks", closer: H5Sclose)
            try context.check(H5Dget_num_chunks(handle.id, space.id, &count), "list chunks")
            let rank = try shape().count
            // The library counts chunk addresses from the superblock, which follows the user
            // block (a sealed file's first 512 bytes).
            let file = try context.handle(H5Iget_file_id(handle.id), "list chunks", closer: H5Fclose)
            let creation = try context.handle(H5Fget_create_plist(file.id), "list chunks", closer: H5Pclose)
            var userBlock: hsize_t = 0
            try context.check(H5Pget_userblock(creation.id, &userBlock), "list chunks")
            return try (0..<count).map { index in
                var offset = [hsize_t](repeating: 0, count: max(rank, 1))
                var mask: UInt32 = 0
                var address: haddr_t = 0
                var size: hsize_t = 0
                try context.check(H5Dget_chunk_info(handle.id, space.id, index, &offset, &mask, &address,
                                                    &size), "list chunks")
                return HDF5ChunkLocation(fileOffset: Int(userBlock) + Int(address), byteCount: Int(size))
            }
        }
    }

    private func requireType(_ expected: HDF5ElementType) throws {
        let stored = try elementType()
        guard stored == expected else { throw context.error("read", "stored as \(stored), not \(expected)") }
    }
}

/// Where one chunk of a dataset lies in its file.
package struct HDF5ChunkLocation: Equatable, Sendable {
    /// The offset of the chunk's first byte from the start of the file.
    package let fileOffset: Int
    /// The number of bytes the chunk takes (after the filters).
    package let byteCount: Int
}
