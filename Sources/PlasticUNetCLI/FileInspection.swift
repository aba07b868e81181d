import Foundation
import HDF5Kit
import Interop
import ModelFile
import Reports

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
    /// What the file is.
    let kind: String
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
        let opened = try ProgramReading.commands.read(url).file
        let objects = try HDF5Listing(opened).objects.map(Self.object)
        // A file that the recognition cannot look into is of another kind; the listing says the rest.
        self.kind = ((try? RecognisedFile.recognise(opened.root)) ?? .other).description
        let datasets = objects.filter { $0.kind == "dataset" }
        let topLevel = objects.map(\.path).filter { $0.split(separator: "/").count == 1 }
        self.file = url.path
        self.objects = objects
        self.groups = topLevel.map { group in
            Self.totals(group, datasets.filter { $0.path == group || $0.path.hasPrefix(group + "/") })
        }
        self.total = Self.totals("total", datasets)
        self.trainableParameters = groups.filter { Self.trainableGroups.contains($0.group) }
            .reduce(0) { $0 + $1.elements }
    }

    private static func object(_ listed: HDF5Listing.Object) -> Object {
        Object(path: listed.path, kind: listed.kind, dtype: listed.dtype, shape: listed.shape, chunks: listed.chunks,
               filters: listed.filters, bytes: listed.bytes, storedBytes: listed.storedBytes,
               attributes: attributes(listed.attributes))
    }

    private static func attributes(_ attributes: [(name: String, value: HDF5AttributeValue)]) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (name, value) in attributes {
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
