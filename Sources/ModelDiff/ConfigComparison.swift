import ModelFile
import Reports

/// Compares the `config` attributes of two model files key by key.
enum ConfigComparison {
    /// The keys whose values differ (whole numbers compared by value), in key order; a
    /// config that is not a JSON object counts as one whose every key is missing, and its
    /// text is then given under the key `config`.
    static func changes(_ a: FileListing, _ b: FileListing) -> [DiffReport.ConfigChange] {
        let (left, right) = (entries(a), entries(b))
        return Set(left.keys).union(right.keys).sorted().compactMap { key in
            let (x, y) = (left[key], right[key])
            if let x, let y, x.matches(y) { return nil }
            return DiffReport.ConfigChange(key: key, a: x, b: y)
        }
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
