/// What one HDF5 file holds, short of the dataset values, as text and numbers: every object
/// with its kind, type, shape, storage and attributes. What `inspect` shows and `diff`
/// compares.
package struct HDF5Listing: Sendable {
    /// One group, dataset or link.
    package struct Object: Sendable {
        /// Its path, `/` for the root.
        package let path: String
        /// `group`, `dataset` or `link` (a link that leads to no object of its own).
        package let kind: String
        /// The dataset's element type (`float32`, `string[16]`...).
        package let dtype: String?
        /// The dataset's shape.
        package let shape: [Int]?
        /// The dataset's chunk shape, nil when not chunked.
        package let chunks: [Int]?
        /// The dataset's filters (`shuffle`, `deflate(1)`, `fletcher32`).
        package let filters: [String]?
        /// The bytes of the dataset's elements in memory.
        package let bytes: Int?
        /// The bytes the dataset's data take in the file, after the filters.
        package let storedBytes: Int?
        /// The attributes, in name order.
        package let attributes: [(name: String, value: HDF5AttributeValue)]

        /// The attribute `name`, or nil.
        package func attribute(_ name: String) -> HDF5AttributeValue? {
            attributes.first { $0.name == name }?.value
        }

        init(_ info: HDF5ObjectInfo) {
            let elements = info.shape?.reduce(1, *)
            path = info.path
            kind = info.kind == .other ? "link" : info.kind.rawValue
            dtype = info.elementType?.description
            shape = info.shape
            chunks = info.storage?.chunkShape
            filters = info.storage?.filters.map(\.description)
            bytes = info.elementType?.byteCount.flatMap { size in elements.map { $0 * size } }
            storedBytes = info.storage?.storedBytes
            attributes = info.attributes
        }
    }

    /// The root, then every object depth first in name order.
    package let objects: [Object]

    /// The listing of `file`.
    /// - Throws: `HDF5Error` naming the file and object that cannot be listed.
    package init(_ file: HDF5File) throws {
        objects = try file.objectInfos().map(Object.init)
    }
}
