import HDF5Kit

/// One side of a comparison: the file as read once, and its listing.
struct FileListing {
    /// The file.
    let stored: HDF5StoredFile
    /// The root, then every object depth first in name order.
    let objects: [HDF5Listing.Object]

    /// Lists the file `stored`.
    /// - Throws: `HDF5Error` naming the file when it cannot be listed.
    init(_ stored: HDF5StoredFile) throws {
        self.stored = stored
        objects = try HDF5Listing(stored.file).objects
    }

    /// The dataset at `path` (absolute).
    func dataset(_ path: String) throws -> HDF5Dataset {
        try stored.file.root.dataset(String(path.dropFirst()))
    }
}
