import HDF5Kit
import Reports
import Training

/// Checks one attribute's value against its rule.
struct AttributeCheck {
    /// The attribute's name.
    let name: String
    /// Its value.
    let value: HDF5AttributeValue
    /// The schema's rule.
    let rule: AttributeRule

    /// The problems of the value: its type, then each constraint of the rule.
    /// - Parameters:
    ///   - torchName: the torch name of the object, for `value_from: torch_name`.
    ///   - symbols: the bound symbols, for `equals`.
    /// - Throws: ``ModelFileError/schema(_:)`` when the rule names an unknown content or
    ///   property.
    func problems(torchName: String?, symbols: [String: Int]) throws -> [String] {
        guard rule.type.names.contains(value.typeName) else {
            return ["attribute \(name) has type \(value.typeName), expected \(rule.type.names.joined(separator: " or "))"]
        }
        var problems: [String] = []
        if let expected = rule.value, !matches(expected) {
            problems.append("attribute \(name) is \(value), expected \(expected)")
        }
        if let prefix = rule.prefix, !(value.stringValue?.hasPrefix(prefix) ?? false) {
            problems.append("attribute \(name) is \(value), expected a string starting with \"\(prefix)\"")
        }
        if let symbol = rule.equals, let bound = symbols[symbol], value.int64Value != Int64(bound) {
            problems.append("attribute \(name) is \(value), expected \(symbol) = \(bound)")
        }
        if let minimum = rule.minimum, let number = value.int64Value, number < minimum {
            problems.append("attribute \(name) is \(number), expected at least \(minimum)")
        }
        if let content = rule.content, let problem = try contentProblem(content) {
            problems.append("attribute \(name): \(problem)")
        }
        if let property = rule.valueFrom {
            guard property == "torch_name" else { throw ModelFileError.schema(.unknownValueFrom(property)) }
            if let torchName, value.stringValue != torchName {
                problems.append("attribute \(name) is \(value), expected \"\(torchName)\"")
            }
        }
        return problems
    }

    private func matches(_ expected: JSONValue) -> Bool {
        switch (value, expected) {
        case (.string(let text), .string(let required)): text == required
        case (.float64(let number), .number(let required)): number == required
        default: value.int64Value != nil && value.int64Value == expected.integerValue
        }
    }

    private func contentProblem(_ content: String) throws -> String? {
        let text = value.stringValue ?? ""
        switch content {
        case "run-configuration":
            do {
                let configuration = try RunConfiguration(jsonText: text)
                return configuration.model.problem ?? configuration.training.problem
            } catch ModelFileError.configuration(let problem) {
                return problem.description
            }
        case "sha256-hex":
            let isHex = text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
            return isHex ? nil : "not 64 lowercase hex digits"
        default:
            throw ModelFileError.schema(.unknownContent(content))
        }
    }
}
