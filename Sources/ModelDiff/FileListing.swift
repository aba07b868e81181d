import Foundation
import HDF5Kit

/// What one HDF5 file holds, short of the dataset values, in the terms the comparison
/// uses: every object with its kind, attributes and, for a dataset, its type, shape and
/// storage as text.
struct FileListing {
    /// One group or dataset.
    struct Object {
        /// Its path, `/` for the root.
        let path: String
        /// `group`, `dataset` or `link`.
        let kind: String
        /// The dataset's element type (`float32`, `string[16]`...).
        let dtype: String?
        /// The dataset's shape.
        let shape: [Int]?
        /// The dataset's chunk shape, nil when not chunked.
        let chunks: [Int]?
        /// The dataset's filters (`shuffle`, `deflate(1)`, `fletcher32`).
        let filters: [String]?
        /// The attributes, by name.
        let attributes: [String: HDF5AttributeValue]

        init(_ info: HDF5ObjectInfo) {
            path = info.path
            kind = info.kind == .other ? "link" : info.kind.rawValue
            dtype = info.elementType?.description
            shape = info.shape
            chunks = info.storage?.chunkShape
            filters = info.storage?.filters.map(\.description)
            attributes = Dictionary(info.attributes.map { ($0.name, $0.value) },
                                    uniquingKeysWith: { first, _ in first })
        }
    }

    /// The file's bytes, as read once.
    let bytes: HDF5FileBytes
    /// The open file.
    let file: HDF5File
    /// The root, then every object depth first in name order.
    let objects: [Object]

    /// Lists the file whose bytes are `bytes`.
    /// - Throws: `HDF5Error` naming the file when it cannot be opened or listed.
    init(_ bytes: HDF5FileBytes) throws {
        self.bytes = bytes
        file = try bytes.open()
        objects = try file.objectInfos().map(Object.init)
    }

    /// The dataset at `path` (absolute).
    func dataset(_ path: String) throws -> HDF5Dataset {
        try file.root.dataset(String(path.dropFirst()))
    }
}
