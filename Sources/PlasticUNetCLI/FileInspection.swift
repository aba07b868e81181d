import Foundation
import HDF5Kit
import ModelFile

/// What `plastic-unet inspect` shows of an HDF5 file: every object with its storage and
/// attributes, and the element and byte counts per top-level group.
struct FileInspection: Encodable {
    /// One group or dataset.
    struct Object: Encodable {
        let path: String
        let kind: String
        let dtype: String?
        let shape: [Int]?
        let chunks: [Int]?
        let filters: [String]?
        /// The bytes of the elements in memory.
        let bytes: Int?
        /// The bytes the data take in the file, after the filters.
        let storedBytes: Int?
        /// The attributes; a string that holds a JSON object appears as that object.
        let attributes: [String: JSONValue]
    }

    /// The datasets below one group.
    struct Totals: Encodable {
        let group: String
        let datasets: Int
        let elements: Int
        let bytes: Int
        let storedBytes: Int
    }

    /// The groups whose elements are the model's trainable parameters.
    static let trainableGroups: Set<String> = ["/parameters", "/plastic"]

    /// The file's path.
    let file: String
    /// The root, then every object depth first in name order.
    let objects: [Object]
    /// The totals per top-level group, in name order.
    let groups: [Totals]
    /// The totals of the whole file.
    let total: Totals
    /// The elements of `/parameters` and `/plastic`.
    let trainableParameters: Int

    /// Inspects the file at `url`.
    /// - Throws: `HDF5Error` when the file cannot be opened or read.
    init(url: URL) throws {
        let file = try HDF5File.open(url)
        let entries = try file.root.descendants()
        var objects = [try Self.object(file.root, kind: .group)]
        for entry in entries {
            let relative = String(entry.path.dropFirst())
            switch entry.kind {
            case .group: objects.append(try Self.object(try file.root.group(relative), kind: .group))
            case .dataset: objects.append(try Self.dataset(try file.root.dataset(relative)))
            case .other: objects.append(Object(path: entry.path, kind: "link", dtype: nil, shape: nil, chunks: nil,
                                               filters: nil, bytes: nil, storedBytes: nil, attributes: [:]))
            }
        }
        let datasets = objects.filter { $0.kind == "dataset" }
        let topLevel = entries.filter { $0.path.split(separator: "/").count == 1 }.map(\.path)
        self.file = url.path
        self.objects = objects
        self.groups = topLevel.map { group in
            Self.totals(group, datasets.filter { $0.path == group || $0.path.hasPrefix(group + "/") })
        }
        self.total = Self.totals("total", datasets)
        self.trainableParameters = groups.filter { Self.trainableGroups.contains($0.group) }
            .reduce(0) { $0 + $1.elements }
    }

    private static func object(_ object: HDF5Object, kind: HDF5ObjectKind) throws -> Object {
        Object(path: object.path, kind: kind.rawValue, dtype: nil, shape: nil, chunks: nil, filters: nil, bytes: nil,
               storedBytes: nil, attributes: try attributes(of: object))
    }

    private static func dataset(_ dataset: HDF5Dataset) throws -> Object {
        let type = try dataset.elementType(), shape = try dataset.shape(), storage = try dataset.storage()
        return Object(path: dataset.path, kind: "dataset", dtype: type.description, shape: shape,
                      chunks: storage.chunkShape, filters: storage.filters.map(\.description),
                      bytes: type.byteCount.map { $0 * shape.reduce(1, *) }, storedBytes: storage.storedBytes,
                      attributes: try attributes(of: dataset))
    }

    private static func attributes(of object: HDF5Object) throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (name, value) in try object.attributes() {
            switch value {
            case .int64(let number): result[name] = .integer(number)
            case .uint64(let number): result[name] = .unsigned(number)
            case .float64(let number): result[name] = .number(number)
            case .string(let text): result[name] = JSONValue.object(parsing: text) ?? .string(text)
            case .unsupported(let description): result[name] = .string("<\(description)>")
            }
        }
        return result
    }

    private static func totals(_ group: String, _ datasets: [Object]) -> Totals {
        Totals(group: group, datasets: datasets.count,
               elements: datasets.reduce(0) { $0 + ($1.shape?.reduce(1, *) ?? 0) },
               bytes: datasets.reduce(0) { $0 + ($1.bytes ?? 0) },
               storedBytes: datasets.reduce(0) { $0 + ($1.storedBytes ?? 0) })
    }
}
