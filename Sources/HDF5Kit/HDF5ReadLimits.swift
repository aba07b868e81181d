import CHDF5

extension HDF5Dataset {
    /// The most bytes one read of a dataset may take in memory: a larger claim is a damaged
    /// or hostile file, refused before anything is allocated.
    package static let maximumReadBytes = 1 << 32

    /// Throws unless the dataset's elements can be read safely: stored in the file itself
    /// (no external storage, not virtual) and no more than ``maximumReadBytes`` in memory
    /// at `elementBytes` bytes each.
    /// - Throws: `HDF5Error` naming the dataset.
    func requireReadable(elementBytes: Int) throws {
        try HDF5Library.locked {
            let properties = try context.handle(H5Dget_create_plist(handle.id), "read", closer: H5Pclose)
            guard H5Pget_layout(properties.id) != H5D_VIRTUAL else {
                throw context.error("read", "a virtual dataset (its data would come from other files)")
            }
            guard try context.check(H5Pget_external_count(properties.id), "read") == 0 else {
                throw context.error("read", "the data are stored in external files")
            }
            let count = try elementCount()
            guard count <= Self.maximumReadBytes / max(elementBytes, 1) else {
                throw context.error("read", "\(count) elements of \(elementBytes) bytes are more than this program "
                                    + "reads")
            }
        }
    }
}
