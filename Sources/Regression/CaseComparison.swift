import Reports

/// The expected results of a case against the obtained ones, field by field.
package struct CaseComparison: Sendable {
    /// One field that is out of tolerance.
    package struct Failure: Equatable, Sendable {
        /// The field's name.
        package let field: String
        /// The expected value as text, nil when the field is missing there.
        package let expected: String?
        /// The obtained value as text, nil when the field is missing there.
        package let obtained: String?
        /// `|obtained - expected|` for numbers.
        package let absolute: Double?
        /// `|obtained - expected| / max(|obtained|, |expected|)` for numbers.
        package let relative: Double?
        /// The tolerance applied to a number.
        package let tolerance: Tolerance?
    }

    /// The number of fields compared.
    package let fieldCount: Int
    /// The fields out of tolerance, the worst first: missing and non-numeric fields, then
    /// numbers by their relative difference.
    package let failures: [Failure]

    /// Whether every field is within its tolerance.
    package var passed: Bool { failures.isEmpty }

    /// Compares `obtained` with `expected` under the case's tolerances; byte hashes count
    /// only when the case is exact.
    package init(expected: GoldenResults, obtained: GoldenResults, tolerances: GoldenTolerances, exact: Bool) {
        let expectedFields = ResultFields.fields(of: expected), obtainedFields = ResultFields.fields(of: obtained)
        let obtainedByName = Dictionary(obtainedFields, uniquingKeysWith: { first, _ in first })
        let expectedNames = Set(expectedFields.map(\.name))
        var failures: [Failure] = []
        var count = 0
        for (name, value) in expectedFields {
            if case .hash = value, !exact { continue }
            count += 1
            guard let other = obtainedByName[name] else {
                failures.append(Failure(field: name, expected: value.text, obtained: nil, absolute: nil, relative: nil,
                                        tolerance: nil))
                continue
            }
            if let failure = Self.compare(name, value, other, tolerances: tolerances) {
                failures.append(failure)
            }
        }
        for (name, value) in obtainedFields where !expectedNames.contains(name) {
            if case .hash = value, !exact { continue }
            failures.append(Failure(field: name, expected: nil, obtained: value.text, absolute: nil, relative: nil,
                                    tolerance: nil))
        }
        fieldCount = count
        self.failures = failures.enumerated().sorted { Self.worse($0, than: $1) }.map(\.element)
    }

    /// The failure of one field present on both sides, or nil when it is within tolerance.
    private static func compare(_ name: String, _ expected: ResultFields.Value, _ obtained: ResultFields.Value,
                                tolerances: GoldenTolerances) -> Failure? {
        guard case .number(let x) = expected, case .number(let y) = obtained else {
            return expected == obtained ? nil : Failure(field: name, expected: expected.text, obtained: obtained.text,
                                                        absolute: nil, relative: nil, tolerance: nil)
        }
        let tolerance = rule(for: name, in: tolerances)
        guard !tolerance.accepts(x, y) else { return nil }
        let absolute = (y - x).magnitude, scale = max(x.magnitude, y.magnitude)
        let finite = absolute.isFinite
        return Failure(field: name, expected: expected.text, obtained: obtained.text, absolute: finite ? absolute : nil,
                       relative: finite && scale > 0 ? absolute / scale : nil, tolerance: tolerance)
    }

    /// The tolerance of a field: the override with the longest name that starts the
    /// field's name, else the default.
    static func rule(for field: String, in tolerances: GoldenTolerances) -> Tolerance {
        let match = tolerances.fields.filter { field.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }
        let rule = match?.value ?? tolerances.default
        return Tolerance(absolute: rule.atol, relative: rule.rtol)
    }

    /// The order of the failure table: fields without a relative difference (missing,
    /// not numbers, not finite) first, then by relative difference, then in field order.
    private static func worse(_ a: (offset: Int, element: Failure), than b: (offset: Int, element: Failure)) -> Bool {
        let x = a.element.relative ?? .infinity, y = b.element.relative ?? .infinity
        return x != y ? x > y : a.offset < b.offset
    }
}
