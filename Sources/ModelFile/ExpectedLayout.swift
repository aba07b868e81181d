import Foundation
import HDF5Kit
import Reports

/// The flat `config` object of a file and the symbols bound from it.
struct LayoutContext {
    /// The config's values by key.
    let values: [String: JSONValue]
    /// The symbols' values: those from the config at first, the dataset lengths once bound.
    var symbols: [String: Int]
}

/// One object the schema describes, for one configuration.
struct ExpectedObject {
    /// The path.
    let path: String
    /// Group or dataset.
    let kind: HDF5ObjectKind
    /// The dtype of a dataset.
    let dtype: String?
    /// The shape of a dataset.
    let shape: [DimensionExpression]?
    /// The attributes.
    let attributes: [AttributeRule]
    /// The rule of unlisted attributes, when they are allowed.
    let otherAttributes: AttributeRule?
    /// The torch name of a parameter dataset.
    let torchName: String?
    /// Whether the object must exist (when its parent does).
    var required: Bool
    /// Whether the object may exist.
    var allowed: Bool
    /// The condition under which it is required, in words.
    let condition: String

    /// The last component of a path that stands for every child of its group that no other
    /// rule names.
    static let anyChild = "*"

    /// This rule for the object at `path`, for a rule of ``anyChild``.
    func applied(to path: String) -> ExpectedObject {
        ExpectedObject(path: path, kind: kind, dtype: dtype, shape: shape, attributes: attributes,
                       otherAttributes: otherAttributes, torchName: torchName, required: required, allowed: allowed,
                       condition: condition)
    }

    /// A group that only holds listed objects.
    static func implicitGroup(_ path: String, for child: ExpectedObject) -> ExpectedObject {
        ExpectedObject(path: path, kind: .group, dtype: nil, shape: nil, attributes: [], otherAttributes: nil,
                       torchName: nil, required: child.required, allowed: child.allowed, condition: child.condition)
    }
}

extension ModelSchema {
    /// The context of a file whose config attribute is `jsonText`, with the config's symbols
    /// bound.
    /// - Throws: ``ModelFileError/configuration(_:)`` when the text is not a flat JSON object
    ///   or a config symbol has no integer value.
    func context(configText jsonText: String) throws -> LayoutContext {
        let values: [String: JSONValue]
        do {
            values = try JSONDecoder().decode([String: JSONValue].self, from: Data(jsonText.utf8))
        } catch {
            throw ModelFileError.configuration(.notAFlatObject)
        }
        var bound: [String: Int] = [:]
        for (name, rule) in symbols {
            guard let key = rule.config else { continue }
            guard let value = values[key]?.integerValue, let integer = Int(exactly: value) else {
                throw ModelFileError.configuration(.noInteger(key: key))
            }
            bound[name] = integer
        }
        return LayoutContext(values: values, symbols: bound)
    }

    /// Every object the schema describes for the file of `context`, parents before their
    /// children, with the groups above listed paths added; a path appears once per rule
    /// (`/plastic/alpha` has one for free and one for yoked alpha).
    func expectedObjects(_ context: LayoutContext) throws -> [ExpectedObject] {
        let explicit = try objects.map { try expected($0, context) }
        let tensors = try parameterRules(context)
        let mirrors = parameters.optimizerMirrors.flatMap { mirror in
            tensors.map { tensor in
                ExpectedObject(path: mirror + tensor.path, kind: .dataset, dtype: tensor.dtype, shape: tensor.shape,
                               attributes: [], otherAttributes: nil, torchName: nil, required: tensor.required,
                               allowed: tensor.allowed, condition: tensor.condition)
            }
        }
        return withAncestors(explicit + tensors + mirrors)
    }

    /// The parameter datasets: the head's tensors, then each convolution's weight and bias.
    func parameterRules(_ context: LayoutContext) throws -> [ExpectedObject] {
        let head = try parameters.head.map { tensor in
            try parameterRule(tensor.path, torchName: tensor.torchName, shape: tensor.shape,
                              when: tensor.requiredWhen, context)
        }
        let convolutions = try parameters.convolutions.flatMap { convolution in
            try [(parameters.convolutionWeight, convolution.weight), (parameters.convolutionBias, convolution.bias)]
                .map { template, shape in
                    let (path, torchName) = template.filled(with: convolution)
                    return try parameterRule(path, torchName: torchName, shape: shape, when: nil, context)
                }
        }
        return head + convolutions
    }

    /// Whether the condition `name` holds (no name: always).
    func condition(_ name: String?, holdsIn context: LayoutContext) throws -> Bool {
        try conditionRule(name).map { $0.holds(for: context.values) } ?? true
    }

    /// The condition `name` in words.
    func describe(condition name: String?) throws -> String {
        try conditionRule(name)?.description ?? "always"
    }

    private func conditionRule(_ name: String?) throws -> ConditionRule? {
        guard let name else { return nil }
        guard let rule = conditions[name] else { throw ModelFileError.schema(.unknownCondition(name)) }
        return rule
    }

    private func expected(_ rule: ObjectRule, _ context: LayoutContext) throws -> ExpectedObject {
        guard let kind = HDF5ObjectKind(rawValue: rule.kind), kind != .other else {
            throw ModelFileError.schema(.unknownKind(path: rule.path, kind: rule.kind))
        }
        let required = try rule.optional != true && condition(rule.requiredWhen, holdsIn: context)
        let allowed = try condition(rule.allowedWhen ?? rule.requiredWhen, holdsIn: context)
        return ExpectedObject(path: rule.path, kind: kind, dtype: rule.dtype, shape: rule.shape,
                              attributes: rule.attributes ?? [], otherAttributes: rule.otherAttributes,
                              torchName: nil, required: required, allowed: allowed,
                              condition: try describe(condition: rule.requiredWhen))
    }

    private func parameterRule(_ path: String, torchName: String, shape: [DimensionExpression], when: String?,
                               _ context: LayoutContext) throws -> ExpectedObject {
        let holds = try condition(when, holdsIn: context)
        return ExpectedObject(path: path, kind: .dataset, dtype: parameters.dtype, shape: shape,
                              attributes: parameters.attributes, otherAttributes: nil, torchName: torchName,
                              required: holds, allowed: holds, condition: try describe(condition: when))
    }

    /// `objects` with an implicit group before the first object below each unlisted
    /// ancestor; an implicit group is required (allowed) when one of its children is.
    private func withAncestors(_ objects: [ExpectedObject]) -> [ExpectedObject] {
        let listed = Set(objects.map(\.path))
        var result: [ExpectedObject] = []
        var implicitIndex: [String: Int] = [:]
        for object in objects {
            for ancestor in ancestors(of: object.path) where !listed.contains(ancestor) {
                if let index = implicitIndex[ancestor] {
                    result[index].required = result[index].required || object.required
                    result[index].allowed = result[index].allowed || object.allowed
                } else {
                    implicitIndex[ancestor] = result.count
                    result.append(.implicitGroup(ancestor, for: object))
                }
            }
            result.append(object)
        }
        return result
    }
}

/// The paths of the groups above `path`, outermost first, without the root.
func ancestors(of path: String) -> [String] {
    let components = path.split(separator: "/").dropLast()
    return components.indices.map { "/" + components[...($0)].joined(separator: "/") }
}

/// The path of the group that holds `path`.
func parent(of path: String) -> String {
    ancestors(of: path).last ?? "/"
}

/// The path of the child `name` of the group at `path`.
func child(named name: String, of path: String) -> String {
    path == "/" ? "/" + name : path + "/" + name
}

/// `path` without its leading `/`, as the root group's methods take it.
func relative(_ path: String) -> String {
    String(path.drop { $0 == "/" })
}
