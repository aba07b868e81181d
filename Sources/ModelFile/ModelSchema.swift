import Foundation
import HDF5Kit
import Reports
import Training

/// The layout of model files, format version 1, as `schemas/model-v1.json` describes it.
///
/// The reader, the writer and the validator check files against this one description;
/// the binary embeds its text (``ModelSchemaText``) so that it works wherever it is copied.
package struct ModelSchema: Decodable, Sendable {
    /// The value of the root's `format` attribute.
    package let format: String
    /// The value of the root's `format_version` attribute.
    let formatVersion: Int64
    /// The symbols that shapes use, each bound to a config key or to a dataset's length.
    let symbols: [String: SymbolRule]
    /// The named conditions of `required_when` and `allowed_when`.
    let conditions: [String: ConditionRule]
    /// How every dataset is stored.
    let storage: StorageRule
    /// The groups and datasets besides the parameters.
    let objects: [ObjectRule]
    /// The trainable tensors and their optimizer moments.
    let parameters: ParameterRules

    /// The schema the binary embeds.
    /// - Throws: ``ModelFileError/schema(_:)`` when the embedded text is not a schema (a
    ///   build defect that the tests catch).
    package static func embedded() throws -> ModelSchema {
        try parsedEmbedded.get()
    }

    /// The embedded schema, parsed once.
    private static let parsedEmbedded = Result { try ModelSchema(jsonText: ModelSchemaText.json) }

    /// Parses a schema.
    /// - Throws: ``ModelFileError/schema(_:)`` when `jsonText` is not a schema.
    package init(jsonText: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            self = try decoder.decode(ModelSchema.self, from: Data(jsonText.utf8))
        } catch {
            throw ModelFileError.schema(.undecodable(reason: "\(error)"))
        }
    }

    /// The parameters the schema lists for `configuration`, in order: the head, then every
    /// convolution's weight and bias.
    /// - Throws: ``ModelFileError/schema(_:)`` when the schema names an unknown condition or
    ///   symbol.
    package func parameters(for configuration: RunConfiguration) throws -> [SchemaParameter] {
        let context = try context(configText: configuration.jsonText())
        return try parameterRules(context).compactMap { rule in
            guard rule.allowed, let shape = rule.shape else { return nil }
            let dimensions = try shape.map { dimension in
                guard let value = dimension.evaluate(context.symbols) else {
                    throw ModelFileError.schema(.cannotEvaluate(path: rule.path, dimension: "\(dimension)"))
                }
                return value
            }
            return SchemaParameter(path: rule.path, torchName: rule.torchName ?? "", shape: dimensions)
        }
    }
}

/// One trainable tensor as the schema lists it.
package struct SchemaParameter: Equatable, Sendable {
    /// The dataset's path, for example `/parameters/down1.conv/weight`.
    package let path: String
    /// The key of the original PyTorch `state_dict`.
    package let torchName: String
    /// The shape for the configuration it was computed for.
    package let shape: [Int]

    /// A parameter from its parts.
    package init(path: String, torchName: String, shape: [Int]) {
        self.path = path
        self.torchName = torchName
        self.shape = shape
    }
}

/// Where a symbol's value comes from.
struct SymbolRule: Decodable, Sendable {
    /// The config key whose integer value the symbol takes.
    let config: String?
    /// The one-dimensional dataset whose length the symbol takes.
    let lengthOf: String?
}

/// A named condition: all of its clauses hold.
struct ConditionRule: Decodable, Sendable {
    /// The condition in words, for messages.
    let description: String
    /// The clauses.
    let all: [Clause]

    /// A test of one config key.
    struct Clause: Decodable, Sendable {
        /// The config key.
        let key: String
        /// The allowed values.
        let `in`: [JSONValue]?
        /// The smallest allowed integer.
        let atLeast: Int64?
    }

    /// Whether every clause holds for the config `values`.
    func holds(for values: [String: JSONValue]) -> Bool {
        all.allSatisfy { clause in
            guard let value = values[clause.key] else { return false }
            if let allowed = clause.in, !allowed.contains(where: { value.matches($0) }) { return false }
            if let minimum = clause.atLeast, !(value.integerValue.map { $0 >= minimum } ?? false) { return false }
            return true
        }
    }
}

/// How datasets are stored.
struct StorageRule: Decodable, Sendable {
    /// The layout's name, `chunked`.
    let layout: String
    /// The names of the required filters.
    let filters: [String]
}

/// One group or dataset.
struct ObjectRule: Decodable, Sendable {
    /// The path.
    let path: String
    /// `group` or `dataset`.
    let kind: String
    /// The dtype of a dataset: `float32`, `float64`, `int64`, `string[*]`...
    let dtype: String?
    /// The shape of a dataset.
    let shape: [DimensionExpression]?
    /// The condition under which the object must exist (default: always).
    let requiredWhen: String?
    /// Whether the object may be left out even when `requiredWhen` holds (default: false).
    let optional: Bool?
    /// The condition under which the object may exist (default: `requiredWhen`).
    let allowedWhen: String?
    /// The attributes.
    let attributes: [AttributeRule]?
    /// The rule of attributes not listed, when they are allowed.
    let otherAttributes: AttributeRule?
}

/// One attribute.
struct AttributeRule: Decodable, Sendable {
    /// The name (absent in a rule for other attributes).
    let name: String?
    /// The allowed types: `string`, `int64`, `uint64`, `float64`.
    let type: TypeList
    /// The required value.
    let value: JSONValue?
    /// The required start of a string.
    let prefix: String?
    /// The symbol an integer must equal.
    let equals: String?
    /// The smallest allowed integer.
    let minimum: Int64?
    /// What a string holds: `run-configuration` or `sha256-hex`.
    let content: String?
    /// The property of the object the value must equal: `torch_name`.
    let valueFrom: String?

    /// One type name or a list of them.
    struct TypeList: Decodable, Sendable {
        let names: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            names = try (try? container.decode(String.self)).map { [$0] } ?? container.decode([String].self)
        }
    }
}

/// The trainable tensors.
struct ParameterRules: Decodable, Sendable {
    /// The dtype of every parameter and moment.
    let dtype: String
    /// The attributes of every parameter dataset.
    let attributes: [AttributeRule]
    /// The groups under which the optimizer's moments mirror each parameter's path.
    let optimizerMirrors: [String]
    /// The plastic head's tensors.
    let head: [HeadParameter]
    /// The path and torch name templates of a convolution's weight.
    let convolutionWeight: Template
    /// The path and torch name templates of a convolution's bias.
    let convolutionBias: Template
    /// Every convolution.
    let convolutions: [Convolution]

    /// A head tensor.
    struct HeadParameter: Decodable, Sendable {
        let path: String
        let torchName: String
        let shape: [DimensionExpression]
        let requiredWhen: String?
    }

    /// Templates with `{name}` and `{torch_prefix}` placeholders.
    struct Template: Decodable, Sendable {
        let path: String
        let torchName: String

        /// The template with the convolution's name and torch prefix filled in.
        func filled(with convolution: Convolution) -> (path: String, torchName: String) {
            func fill(_ text: String) -> String {
                text.replacingOccurrences(of: "{name}", with: convolution.name)
                    .replacingOccurrences(of: "{torch_prefix}", with: convolution.torchPrefix)
            }
            return (fill(path), fill(torchName))
        }
    }

    /// A convolution.
    struct Convolution: Decodable, Sendable {
        let name: String
        let torchPrefix: String
        let weight: [DimensionExpression]
        let bias: [DimensionExpression]
    }
}
