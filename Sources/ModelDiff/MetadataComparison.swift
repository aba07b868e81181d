import HDF5Kit
import Reports

/// Compares the structure and metadata of two files' objects: presence, kind, dtype,
/// shape, chunks, filters and every attribute.
struct MetadataComparison {
    /// The tolerance of numeric attributes.
    let tolerance: Tolerance
    /// Whether both files are model files, whose root `config` is compared key by key
    /// elsewhere.
    let models: Bool
    /// The differences found, in the order of the first file's objects, then the second's.
    private(set) var differences: [DiffReport.MetadataDifference] = []

    init(tolerance: Tolerance, models: Bool) {
        self.tolerance = tolerance
        self.models = models
    }

    /// Compares the objects of both files (each list in file order).
    mutating func compare(_ left: [HDF5Listing.Object], _ right: [HDF5Listing.Object]) {
        let rightByPath = Dictionary(uniqueKeysWithValues: right.map { ($0.path, $0) })
        let leftPaths = Set(left.map(\.path))
        for object in left {
            if let other = rightByPath[object.path] {
                compare(object, other)
            } else {
                add(object, .presence, object.kind, nil)
            }
        }
        for object in right where !leftPaths.contains(object.path) {
            add(object, .presence, nil, object.kind)
        }
    }

    private mutating func compare(_ a: HDF5Listing.Object, _ b: HDF5Listing.Object) {
        guard a.kind == b.kind else {
            add(a, .kind, a.kind, b.kind)
            return
        }
        if a.dtype != b.dtype { add(a, .dtype, a.dtype, b.dtype) }
        if a.shape != b.shape { add(a, .shape, a.shape.map(Self.list), b.shape.map(Self.list)) }
        // Chunks follow the shape: only a chunk difference of its own is one.
        if a.kind == "dataset" && a.shape == b.shape && a.chunks != b.chunks {
            add(a, .chunks, a.chunks.map(Self.list) ?? "none", b.chunks.map(Self.list) ?? "none")
        }
        if a.filters != b.filters {
            add(a, .filters, Self.filterList(a.filters), Self.filterList(b.filters))
        }
        for name in Set(a.attributes.map(\.name)).union(b.attributes.map(\.name)).sorted()
        where !isSpecial(name, of: a) {
            let (x, y) = (a.attribute(name), b.attribute(name))
            if !attributesAgree(x, y) { add(a, .attribute(name), x?.description, y?.description) }
        }
    }

    /// The root's `generator` (never a difference) and, for models, its `config`.
    private func isSpecial(_ name: String, of object: HDF5Listing.Object) -> Bool {
        object.path == "/" && (name == FileDiff.generatorAttribute || (models && name == FileDiff.configAttribute))
    }

    /// Whether two attribute values agree: numbers by the tolerance, anything else exactly.
    private func attributesAgree(_ a: HDF5AttributeValue?, _ b: HDF5AttributeValue?) -> Bool {
        if case .float64(let x)? = a, case .float64(let y)? = b { return tolerance.accepts(x, y) }
        return a == b
    }

    private mutating func add(_ object: HDF5Listing.Object, _ aspect: DiffReport.MetadataDifference.Aspect,
                              _ a: String?, _ b: String?) {
        differences.append(DiffReport.MetadataDifference(path: object.path, kind: object.kind, aspect: aspect, a: a,
                                                         b: b))
    }

    private static func list(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }

    private static func filterList(_ filters: [String]?) -> String? {
        filters.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") }
    }
}
