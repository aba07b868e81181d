import Foundation
import Kernels
import PlasticUNet
import Reports
import Training

/// The `config` attribute of a model file: a ``Training/RunConfiguration`` as one flat
/// JSON object with sorted keys and no whitespace, so that the run can be repeated from
/// it alone.
///
/// Versions (docs/FORMAT.md): the keys of ``firstKeys`` are always written; a key added
/// since is written only when its value differs from the default configuration's, so that
/// the files of every recipe that does not use it stay byte-identical. A reader refuses a
/// key it does not know rather than follow half a recipe.
extension RunConfiguration {
    /// The keys that format version 1 has written from its start.
    package static let firstKeys: Set<String> = [
        "alpha", "dropout", "epochs", "eval_trace", "gamma", "init_sha256", "learn_eta", "lr", "rule", "seed",
        "shuffle", "size", "step_size", "trace_rows", "val_fraction", "width",
    ]

    /// Every key this version knows.
    package static var knownKeys: Set<String> {
        ModelConfiguration.codingKeyNames.union(TrainingOptions.codingKeyNames)
    }

    /// The JSON text: one object, keys sorted, no whitespace; the keys added after
    /// ``firstKeys`` only where they differ from the default configuration.
    package func jsonText() -> String {
        let text = Self.encoded(self)
        let values = Self.values(of: text)
        let added = values.keys.filter { !Self.firstKeys.contains($0) }
        guard !added.isEmpty else { return text }
        let defaults = Self.defaultValues(size: model.size)
        var written = values
        for key in added where written[key] == defaults[key] { written[key] = nil }
        return Self.encoded(written)
    }

    /// What a config without `key` holds for it: the default configuration's value of a key
    /// added after ``firstKeys`` (left out while it has that value) for images of side
    /// `size`; nil for any other key, whose absence is absence.
    package static func impliedValue(ofMissing key: String, size: Int) -> JSONValue? {
        guard knownKeys.contains(key), !firstKeys.contains(key) else { return nil }
        return defaultValues(size: size)[key]
    }

    /// The values by key of the default configuration for images of side `size`.
    private static func defaultValues(size: Int) -> [String: JSONValue] {
        values(of: encoded(RunConfiguration(model: ModelConfiguration(size: size), training: TrainingOptions())))
    }

    /// `value` as JSON text: keys sorted, no whitespace.
    private static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(value) // encoding plain values cannot fail
        return String(decoding: data, as: UTF8.self)
    }

    private static func encoded(_ configuration: RunConfiguration) -> String {
        encoded(FlatCoding(configuration))
    }

    /// The values of a flat JSON object by key; empty when the text is not one.
    private static func values(of text: String) -> [String: JSONValue] {
        (try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))) ?? [:]
    }

    /// Parses the JSON text of a `config` attribute.
    /// - Throws: ``ModelFileError/configuration(_:)`` when the text is not a configuration
    ///   or holds a key this version does not know.
    package init(jsonText: String) throws {
        let values = Self.values(of: jsonText)
        if let unknown = values.keys.filter({ !Self.knownKeys.contains($0) }).sorted().first {
            throw ModelFileError.configuration(.unknownKey(unknown))
        }
        do {
            let flat = try JSONDecoder().decode(FlatCoding.self, from: Data(jsonText.utf8))
            self = flat.configuration
        } catch let error as DecodingError {
            throw ModelFileError.configuration(Self.problem(of: error, values: values))
        }
    }

    /// The names each key that takes a name knows, in order.
    package static let knownNames: [String: [String]] = [
        "alpha": AlphaKind.allCases.map(\.rawValue),
        "convolution": ConvolutionArithmetic.allCases.map(\.rawValue),
        "eval_trace": TraceMode.allCases.map(\.rawValue),
        "rule": PlasticityRule.allCases.map(\.rawValue),
        "trace_rows": TraceRows.allCases.map(\.rawValue),
    ]

    /// What `error` says of the text whose keys and values are `values`: a name that a key
    /// does not know is named with those it knows.
    private static func problem(of error: DecodingError,
                                values: [String: JSONValue]) -> ModelFileError.ConfigurationProblem {
        switch error {
        case .keyNotFound(let key, _): return .missingKey(key.stringValue)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .badValue(key: context.codingPath.map(\.stringValue).joined(separator: "."))
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if let known = knownNames[path], case .string(let value)? = values[path] {
                return .unknownName(key: path, value: value, known: known)
            }
            return path.isEmpty ? .notJSON : .badValue(key: path)
        @unknown default: return .notAConfiguration
        }
    }

    /// Encodes both halves into one flat object.
    private struct FlatCoding: Codable {
        let configuration: RunConfiguration

        init(_ configuration: RunConfiguration) { self.configuration = configuration }

        init(from decoder: Decoder) throws {
            configuration = RunConfiguration(model: try ModelConfiguration(from: decoder),
                                             training: try TrainingOptions(from: decoder))
        }

        func encode(to encoder: Encoder) throws {
            try configuration.model.encode(to: encoder)
            try configuration.training.encode(to: encoder)
        }
    }
}
