import ModelFile
import Reports
import Training

/// Compares the `config` attributes of two model files key by key.
enum ConfigComparison {
    /// The keys whose values differ (whole numbers compared by value), in key order; a
    /// config that is not a JSON object counts as one whose every key is missing, and its
    /// text is then given under the key `config`. A key that the format leaves out while it
    /// holds its default (docs/FORMAT.md, "Versions") has that default where it is missing.
    static func changes(_ a: FileListing, _ b: FileListing) -> [DiffReport.ConfigChange] {
        let (left, right) = (entries(a), entries(b))
        return Set(left.keys).union(right.keys).sorted().compactMap { key in
            let (x, y) = (left[key] ?? implied(key, in: left), right[key] ?? implied(key, in: right))
            if let x, let y, x.matches(y) { return nil }
            return DiffReport.ConfigChange(key: key, a: x, b: y)
        }
    }

    /// The default that a config of a model (`entries`) means by leaving out `key`, or nil.
    private static func implied(_ key: String, in entries: [String: JSONValue]) -> JSONValue? {
        guard case .integer(let size)? = entries["size"], let side = Int(exactly: size) else { return nil }
        return RunConfiguration.impliedValue(ofMissing: key, size: side)
    }

    /// The keys and values of a file's config.
    private static func entries(_ listing: FileListing) -> [String: JSONValue] {
        guard let text = listing.objects[0].attribute(FileDiff.configAttribute)?.stringValue else { return [:] }
        guard case .object(let entries)? = JSONValue.object(parsing: text) else {
            return [FileDiff.configAttribute: .string(text)]
        }
        return entries
    }
}
