extension ModelFileError {
    /// What makes a `config` text not a run configuration.
    package enum ConfigurationProblem: Equatable, Sendable, CustomStringConvertible {
        /// The text is not valid JSON.
        case notJSON
        /// The text is JSON but not a flat object.
        case notAFlatObject
        /// The object lacks the key.
        case missingKey(String)
        /// The value at the coding path `key` is of the wrong type or out of range.
        case badValue(key: String)
        /// The key takes one of a few names, and its value is none of them (`known`, in
        /// order): a newer version may have written it.
        case unknownName(key: String, value: String, known: [String])
        /// The key names a symbol of the schema, and its value is not an integer.
        case noInteger(key: String)
        /// A key this version does not know: a newer version wrote it.
        case unknownKey(String)
        /// A decoding failure of a kind that the decoder did not name.
        case notAConfiguration

        /// For example `missing key "width"`.
        package var description: String {
            switch self {
            case .notJSON: "not valid JSON"
            case .notAFlatObject: "not a flat JSON object"
            case .missingKey(let key): "missing key \"\(key)\""
            case .badValue(let key): "bad value for \"\(key)\""
            case .unknownName(let key, let value, let known):
                "bad value \(value.debugDescription) for \"\(key)\" (this version knows "
                    + known.joined(separator: ", ") + ")"
            case .noInteger(let key): "no integer \"\(key)\""
            case .unknownKey(let key): "unknown key \"\(key)\" (written by a newer plastic-unet?)"
            case .notAConfiguration: "not a configuration"
            }
        }
    }
}
