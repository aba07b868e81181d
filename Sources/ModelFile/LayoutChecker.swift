import HDF5Kit
import PlasticUNet
import Training

/// Checks an open file against the schema: the format first, then the config, then every
/// object's presence, kind, dtype, shape, storage and attributes, then the objects the
/// schema does not list.
struct LayoutChecker {
    /// The schema.
    let schema: ModelSchema
    /// The file.
    let file: HDF5File

    /// What a check found.
    struct Outcome {
        /// The violations, in schema order, then the unlisted objects in file order.
        var violations: [LayoutViolation]
        /// The configuration, when the config attribute is usable.
        var configuration: RunConfiguration?
        /// The root's `generator`, when it is a string.
        var generator: String?
    }

    /// Runs the check.
    /// - Parameter readingData: whether every dataset is also read in full, so that the
    ///   checksums of all chunks are verified.
    /// - Throws: `ModelFileError` when the file is not a model file of this format version,
    ///   or holds a config key or an object this version does not know (a newer version
    ///   wrote it); `HDF5Error` when HDF5 cannot read the file (a checksum mismatch, a
    ///   damaged file).
    func run(readingData: Bool) throws -> Outcome {
        try requireFormat()
        let generator = try file.root.attribute("generator")?.stringValue
        try requireKnownConfigKeys(generator: generator)
        var outcome = Outcome(violations: try checkRoot(), configuration: nil, generator: generator)
        // The root check reports an unusable config; the rest of the layout depends on it.
        if let text = try file.root.attribute("config")?.stringValue,
           let configuration = try? RunConfiguration(jsonText: text),
           configuration.model.problem == nil, configuration.training.problem == nil {
            outcome.configuration = configuration
            do {
                outcome.violations += try checkObjects(try schema.context(configText: text), generator: generator)
            } catch let error as ModelFileError {
                guard case .configuration = error else { throw error }
                outcome.violations.append(LayoutViolation(path: "/", problem: "attribute \(error)"))
            }
        }
        if readingData {
            for entry in try file.root.descendants() where entry.kind == .dataset {
                try file.root.dataset(relative(entry.path)).readAndDiscard()
            }
        }
        return outcome
    }

    private func requireFormat() throws {
        let root = file.root
        guard let format = try root.attribute("format") else {
            throw ModelFileError.notAModelFile(file: file.path, reason: "no format attribute")
        }
        guard format.stringValue == schema.format else {
            throw ModelFileError.notAModelFile(file: file.path, reason: "format is \(format)")
        }
        guard let version = try root.attribute("format_version") else {
            throw ModelFileError.notAModelFile(file: file.path, reason: "no format_version attribute")
        }
        guard version.int64Value == schema.formatVersion else {
            throw ModelFileError.unsupportedVersion(file: file.path, found: "\(version)",
                                                    supported: schema.formatVersion)
        }
    }

    /// Refuses a config that holds a key this version does not know: the file records a
    /// recipe that only a newer version can follow (docs/FORMAT.md, "Versions").
    private func requireKnownConfigKeys(generator: String?) throws {
        guard let text = try file.root.attribute("config")?.stringValue,
              let keys = try? schema.context(configText: text).values.keys else { return }
        if let unknown = keys.filter({ !RunConfiguration.knownKeys.contains($0) }).sorted().first {
            throw ModelFileError.newerVersion(file: file.path, generator: generator,
                                              unknown: "the config key \"\(unknown)\"")
        }
    }

    /// The root's attributes, checked before anything else because the config fixes the
    /// rest of the layout.
    private func checkRoot() throws -> [LayoutViolation] {
        guard let rule = schema.objects.first(where: { $0.path == "/" }) else {
            throw ModelFileError.schema(.noRule(path: "/"))
        }
        let context = LayoutContext(values: [:], symbols: [:])
        let expected = ExpectedObject(path: "/", kind: .group, dtype: nil, shape: nil,
                                      attributes: rule.attributes ?? [], otherAttributes: rule.otherAttributes,
                                      torchName: nil, required: true, allowed: true, condition: "always")
        return try attributeProblems(of: file.root, expected, context).map { LayoutViolation(path: "/", problem: $0) }
    }

    private func checkObjects(_ configContext: LayoutContext, generator: String?) throws -> [LayoutViolation] {
        var context = configContext
        let expected = try schema.expectedObjects(context)
        let entries = try file.root.descendants()
        var present: [String: HDF5ObjectKind] = ["/": .group]
        for entry in entries { present[entry.path] = entry.kind }
        for (name, rule) in schema.symbols {
            guard let path = rule.lengthOf, present[path] == .dataset else { continue }
            let shape = try file.root.dataset(relative(path)).shape()
            if shape.count == 1 { context.symbols[name] = shape[0] }
        }

        // The rule that applies to each path: its first allowed one.
        var applying: [String: Int] = [:]
        for (index, object) in expected.enumerated() where object.allowed && applying[object.path] == nil {
            applying[object.path] = index
        }
        var violations: [LayoutViolation] = []
        for (index, object) in expected.enumerated() where object.path != "/" && applying[object.path] == index {
            guard let kind = present[object.path] else {
                if object.required && present[parent(of: object.path)] != nil {
                    let when = object.condition == "always" ? "" : " (required when \(object.condition))"
                    violations.append(LayoutViolation(path: object.path, problem: "missing" + when))
                }
                continue
            }
            violations += try problems(of: object, kind: kind, context)
                .map { LayoutViolation(path: object.path, problem: $0) }
        }
        // An unlisted object is checked against its group's rule for any child, when there is
        // one. An object that no rule names is one a newer version wrote; one that the rules
        // name for other configs is a violation, reported once, not again for each object
        // below it.
        for entry in entries where applying[entry.path] == nil && applying[parent(of: entry.path)] != nil {
            let anyChild = child(named: ExpectedObject.anyChild, of: parent(of: entry.path))
            if let index = applying[anyChild] {
                violations += try problems(of: expected[index].applied(to: entry.path), kind: entry.kind, context)
                    .map { LayoutViolation(path: entry.path, problem: $0) }
                continue
            }
            let conditions = expected.filter { $0.path == entry.path }.map(\.condition)
            guard !conditions.isEmpty else {
                throw ModelFileError.newerVersion(file: file.path, generator: generator,
                                                  unknown: "the \(entry.kind.rawValue) \(entry.path)")
            }
            violations.append(LayoutViolation(
                path: entry.path, problem: "not expected in this file (only when \(conditions.joined(separator: " or ")))"))
        }
        return violations
    }

    private func problems(of object: ExpectedObject, kind: HDF5ObjectKind,
                          _ context: LayoutContext) throws -> [String] {
        guard kind == object.kind else { return ["is a \(kind.rawValue), expected a \(object.kind.rawValue)"] }
        guard kind == .dataset else {
            return try attributeProblems(of: try file.root.group(relative(object.path)), object, context)
        }
        let dataset = try file.root.dataset(relative(object.path))
        var problems: [String] = []
        let type = try dataset.elementType()
        if let dtype = object.dtype, !Self.type(type, matches: dtype) {
            problems.append("dtype \(type), expected \(dtype)")
        }
        if let expected = object.shape, let problem = Self.shapeProblem(try dataset.shape(), expected, context) {
            problems.append(problem)
        }
        let storage = try dataset.storage()
        if storage.layout.rawValue != schema.storage.layout {
            problems.append("layout \(storage.layout.rawValue), expected \(schema.storage.layout)")
        }
        for filter in schema.storage.filters where !storage.filters.contains(where: { $0.name == filter }) {
            problems.append("missing filter \(filter)")
        }
        return problems + (try attributeProblems(of: dataset, object, context))
    }

    /// Whether the stored element type is the schema's dtype (`string[*]`: a fixed-length
    /// string of any width).
    private static func type(_ type: HDF5ElementType, matches dtype: String) -> Bool {
        if dtype == "string[*]", case .fixedString = type { return true }
        return type.description == dtype
    }

    private static func shapeProblem(_ shape: [Int], _ expected: [DimensionExpression],
                                     _ context: LayoutContext) -> String? {
        let text = "[" + expected.map(\.description).joined(separator: ", ") + "]"
        guard shape.count == expected.count else { return "shape \(shape), expected \(text)" }
        let values = expected.map { $0.evaluate(context.symbols) }
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = values.compactMap { $0 }
        guard shape != numbers else { return nil }
        let symbolic = expected.contains { !$0.symbols.isEmpty }
        return "shape \(shape), expected " + (symbolic ? "\(text) = \(numbers)" : "\(numbers)")
    }

    private func attributeProblems(of object: HDF5Object, _ expected: ExpectedObject,
                                   _ context: LayoutContext) throws -> [String] {
        var problems: [String] = []
        for rule in expected.attributes {
            guard let name = rule.name else { throw ModelFileError.schema(.attributeWithoutName(path: expected.path)) }
            guard let value = try object.attribute(name) else {
                problems.append("attribute \(name) missing")
                continue
            }
            problems += try AttributeCheck(name: name, value: value, rule: rule)
                .problems(torchName: expected.torchName, symbols: context.symbols)
        }
        let listed = Set(expected.attributes.compactMap(\.name))
        for name in try object.attributeNames() where !listed.contains(name) {
            guard let rule = expected.otherAttributes, let value = try object.attribute(name) else {
                problems.append("unexpected attribute \(name)")
                continue
            }
            problems += try AttributeCheck(name: name, value: value, rule: rule)
                .problems(torchName: expected.torchName, symbols: context.symbols)
        }
        return problems
    }
}
