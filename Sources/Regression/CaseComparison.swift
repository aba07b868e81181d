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

        /// The same failure of the field `field`.
        func named(_ field: String) -> Failure {
            Failure(field: field, expected: expected, obtained: obtained, absolute: absolute, relative: relative,
                    tolerance: tolerance)
        }
    }

    /// One field of a case over seeds judged by its equivalence margin.
    package struct Equivalence: Equatable, Sendable {
        /// The field's name.
        package let field: String
        /// The margin.
        package let margin: Double
        /// obtained − expected, paired by seed; nil when a seed lacks the number on a side.
        package let difference: PairedDifference?

        /// Whether the 95% interval of the mean difference lies within ±margin.
        package var passed: Bool { difference.map { -margin <= $0.low && $0.high <= margin } ?? false }
    }

    /// The number of fields compared (each seed's count apart; an equivalence field once).
    package let fieldCount: Int
    /// The fields out of tolerance, the worst first: missing and non-numeric fields, then
    /// numbers by their relative difference.
    package let failures: [Failure]
    /// The fields judged by their equivalence margins, in field order.
    package let equivalences: [Equivalence]

    /// The fields that fail: out of tolerance, or outside their margin.
    package var failureCount: Int { failures.count + equivalences.filter { !$0.passed }.count }

    /// Whether every field is within its tolerance or margin.
    package var passed: Bool { failureCount == 0 }

    /// Compares `obtained` with `expected` under the case's tolerances; byte hashes count
    /// only when the case is exact.
    package init(expected: GoldenResults, obtained: GoldenResults, tolerances: GoldenTolerances, exact: Bool) {
        let (count, failures) = Self.fieldFailures(expected, obtained, tolerances: tolerances, exact: exact)
        self.init(fieldCount: count, failures: failures, equivalences: [])
    }

    /// A comparison from its parts, `failures` in any order.
    private init(fieldCount: Int, failures: [Failure], equivalences: [Equivalence]) {
        self.fieldCount = fieldCount
        self.failures = failures.enumerated().sorted { Self.worse($0, than: $1) }.map(\.element)
        self.equivalences = equivalences
    }

    /// Compares the runs `obtained` with the runs `expected`. A case of one run compares
    /// as ``init(expected:obtained:tolerances:exact:)``. A case over seeds pairs the runs
    /// by seed: a field under an `equivalence` margin passes when the interval of the mean
    /// paired difference lies within it; every other field is compared seed by seed (its
    /// name in the table after `seed[S].`) when the case is exact or has no margins, and
    /// not at all otherwise.
    package init(expected: [GoldenRun], obtained: [GoldenRun], tolerances: GoldenTolerances, exact: Bool,
                 equivalence: [String: Double]) {
        guard expected.contains(where: { $0.seed != nil }) || obtained.contains(where: { $0.seed != nil }) else {
            self.init(expected: expected.first?.results ?? .empty, obtained: obtained.first?.results ?? .empty,
                      tolerances: tolerances, exact: exact)
            return
        }
        let obtainedBySeed = Dictionary(obtained.compactMap { run in run.seed.map { ($0, run.results) } },
                                        uniquingKeysWith: { first, _ in first })
        let expectedSeeds = Set(expected.compactMap(\.seed))
        let judged = Self.judgedFields(of: expected, margins: equivalence)
        var count = 0
        var failures: [Failure] = []
        for run in expected {
            let seed = run.seed ?? 0
            guard let other = obtainedBySeed[seed] else {
                failures.append(Failure(field: "seed[\(seed)]", expected: "a run", obtained: nil, absolute: nil,
                                        relative: nil, tolerance: nil))
                continue
            }
            guard exact || equivalence.isEmpty else { continue }
            let (runCount, runFailures) = Self.fieldFailures(run.results, other, tolerances: tolerances, exact: exact,
                                                             skipping: { judged[$0] != nil })
            count += runCount
            failures += runFailures.map { $0.named("seed[\(seed)].\($0.field)") }
        }
        for seed in obtainedBySeed.keys.sorted() where !expectedSeeds.contains(seed) {
            failures.append(Failure(field: "seed[\(seed)]", expected: nil, obtained: "a run", absolute: nil,
                                    relative: nil, tolerance: nil))
        }
        let equivalences = Self.equivalences(of: judged, expected: expected, obtained: obtainedBySeed)
        self.init(fieldCount: count + equivalences.count, failures: failures, equivalences: equivalences)
    }

    /// The number of fields of `expected` compared with `obtained`, and those out of
    /// tolerance: every field but those `skipping` names, byte hashes only when `exact`.
    private static func fieldFailures(_ expected: GoldenResults, _ obtained: GoldenResults,
                                      tolerances: GoldenTolerances, exact: Bool,
                                      skipping: (String) -> Bool = { _ in false }) -> (Int, [Failure]) {
        let expectedFields = ResultFields.fields(of: expected).filter { !skipping($0.name) }
        let obtainedFields = ResultFields.fields(of: obtained).filter { !skipping($0.name) }
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
            if let failure = compare(name, value, other, tolerances: tolerances) {
                failures.append(failure)
            }
        }
        for (name, value) in obtainedFields where !expectedNames.contains(name) {
            if case .hash = value, !exact { continue }
            failures.append(Failure(field: name, expected: nil, obtained: value.text, absolute: nil, relative: nil,
                                    tolerance: nil))
        }
        return (count, failures)
    }

    /// The numbers of the first expected run that a margin judges, with their margins.
    private static func judgedFields(of expected: [GoldenRun], margins: [String: Double]) -> [String: Double] {
        var judged: [String: Double] = [:]
        for (field, value) in expected.first.map({ ResultFields.fields(of: $0.results) }) ?? [] {
            if case .number = value, let margin = margin(for: field, in: margins) { judged[field] = margin }
        }
        return judged
    }

    /// Each judged field, in field order, with the paired difference of its numbers over
    /// the expected seeds.
    private static func equivalences(of judged: [String: Double], expected: [GoldenRun],
                                     obtained: [UInt64: GoldenResults]) -> [Equivalence] {
        let numbers = { (results: GoldenResults?) -> [String: Double] in
            var numbers: [String: Double] = [:]
            for field in results.map({ ResultFields.fields(of: $0) }) ?? [] {
                if case .number(let number) = field.value { numbers[field.name] = number }
            }
            return numbers
        }
        let seeds = expected.map { run in
            (seed: run.seed ?? 0, expected: numbers(run.results), obtained: numbers(obtained[run.seed ?? 0]))
        }
        let order = expected.first.map { ResultFields.fields(of: $0.results).map(\.name) } ?? []
        return order.compactMap { field -> Equivalence? in
            guard let margin = judged[field] else { return nil }
            var values: [UInt64: Double] = [:], baseline: [UInt64: Double] = [:]
            for entry in seeds {
                guard let x = entry.expected[field], let y = entry.obtained[field] else {
                    return Equivalence(field: field, margin: margin, difference: nil)
                }
                (baseline[entry.seed], values[entry.seed]) = (x, y)
            }
            return Equivalence(field: field, margin: margin,
                               difference: PairedDifference(values, baseline: baseline, streamName: "golden " + field))
        }
    }

    /// The margin of a field: the equivalence entry with the longest name that starts the
    /// field's name, nil when none does.
    static func margin(for field: String, in margins: [String: Double]) -> Double? {
        margins.filter { field.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
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
