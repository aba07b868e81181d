import Foundation
import HDF5Kit

/// What one HDF5 file holds, short of the dataset values: every object with its kind,
/// attributes and, for a dataset, its type, shape and storage.
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
    }

    /// The open file.
    let file: HDF5File
    /// The root, then every object depth first in name order.
    let objects: [Object]

    /// Lists the file at `url`.
    /// - Throws: `HDF5Error` naming the file when it cannot be opened or listed.
    init(_ url: URL) throws {
        file = try HDF5File.open(url)
        var objects = [Object(path: "/", kind: "group", dtype: nil, shape: nil, chunks: nil, filters: nil,
                              attributes: try Self.attributes(of: file.root))]
        for entry in try file.root.descendants() {
            let relative = String(entry.path.dropFirst())
            switch entry.kind {
            case .group:
                objects.append(Object(path: entry.path, kind: "group", dtype: nil, shape: nil, chunks: nil,
                                      filters: nil, attributes: try Self.attributes(of: try file.root.group(relative))))
            case .dataset:
                let dataset = try file.root.dataset(relative)
                let storage = try dataset.storage()
                objects.append(Object(path: entry.path, kind: "dataset", dtype: try dataset.elementType().description,
                                      shape: try dataset.shape(), chunks: storage.chunkShape,
                                      filters: storage.filters.map(\.description),
                                      attributes: try Self.attributes(of: dataset)))
            case .other:
                objects.append(Object(path: entry.path, kind: "link", dtype: nil, shape: nil, chunks: nil,
                                      filters: nil, attributes: [:]))
            }
        }
        self.objects = objects
    }

    /// The dataset at `path` (absolute).
    func dataset(_ path: String) throws -> HDF5Dataset {
        try file.root.dataset(String(path.dropFirst()))
    }

    private static func attributes(of object: HDF5Object) throws -> [String: HDF5AttributeValue] {
        Dictionary(try object.attributes().map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
