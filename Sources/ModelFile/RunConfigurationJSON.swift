import Foundation
import PlasticUNet
import Training

/// The `config` attribute of a model file: a ``Training/RunConfiguration`` as one flat
/// JSON object with sorted keys and no whitespace, so that the run can be repeated from
/// it alone.
extension RunConfiguration {
    /// The JSON text: one object, keys sorted, no whitespace.
    package func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(FlatCoding(self)) // encoding plain values cannot fail
        return String(decoding: data, as: UTF8.self)
    }

    /// Parses the JSON text of a `config` attribute.
    /// - Throws: `ConfigurationError` when the text is not a configuration.
    package init(jsonText: String) throws {
        do {
            let flat = try JSONDecoder().decode(FlatCoding.self, from: Data(jsonText.utf8))
            self = flat.configuration
        } catch let error as DecodingError {
            throw ConfigurationError(reason: Self.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "bad value for \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "bad value for \"\(path)\""
        @unknown default: return "not a configuration"
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

/// A `config` attribute that cannot be read as a ``Training/RunConfiguration``.
package struct ConfigurationError: Error, CustomStringConvertible {
    /// What is wrong, for example `missing key "width"`.
    package let reason: String

    package var description: String { "config: \(reason)" }
}
