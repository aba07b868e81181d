/// One object of a file with everything about it short of a dataset's values: what
/// `inspect` shows and `diff` compares.
package struct HDF5ObjectInfo: Sendable {
    /// The object's path, `/` for the root.
    package let path: String
    /// Group, dataset, or something else (a link that leads to no object of its own).
    package let kind: HDF5ObjectKind
    /// A dataset's element type.
    package let elementType: HDF5ElementType?
    /// A dataset's shape.
    package let shape: [Int]?
    /// How a dataset is stored.
    package let storage: HDF5StorageInfo?
    /// The attributes, in name order.
    package let attributes: [(name: String, value: HDF5AttributeValue)]

    /// The attribute `name`, or nil.
    package func attribute(_ name: String) -> HDF5AttributeValue? {
        attributes.first { $0.name == name }?.value
    }
}

extension HDF5File {
    /// The root, then every object below it, depth first, children in name order.
    /// - Throws: `HDF5Error` naming the file and object that cannot be listed.
    package func objectInfos() throws -> [HDF5ObjectInfo] {
        var infos = [HDF5ObjectInfo(path: "/", kind: .group, elementType: nil, shape: nil, storage: nil,
                                    attributes: try root.attributes())]
        for entry in try root.descendants() {
            let relative = String(entry.path.dropFirst())
            switch entry.kind {
            case .group:
                infos.append(HDF5ObjectInfo(path: entry.path, kind: .group, elementType: nil, shape: nil, storage: nil,
                                            attributes: try root.group(relative).attributes()))
            case .dataset:
                let dataset = try root.dataset(relative)
                infos.append(HDF5ObjectInfo(path: entry.path, kind: .dataset, elementType: try dataset.elementType(),
                                            shape: try dataset.shape(), storage: try dataset.storage(),
                                            attributes: try dataset.attributes()))
            case .other:
                infos.append(HDF5ObjectInfo(path: entry.path, kind: .other, elementType: nil, shape: nil, storage: nil,
                                            attributes: []))
            }
        }
        return infos
    }
}
