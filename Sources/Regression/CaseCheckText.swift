import Reports

/// The lines `regress check` prints for one case: `pass NAME (N fields)`, or `FAIL NAME: K
/// of N fields out of tolerance` with a table of the worst fields; for a case over seeds,
/// each field under a margin with its interval.
package enum CaseCheckText {
    /// The most rows the failure table shows.
    package static let tableRows = 12

    /// The lines of `check`.
    package static func lines(of check: CaseCheck) -> [String] {
        let comparison = check.comparison
        var lines: [String] = []
        if comparison.passed {
            lines.append("pass \(check.name) (\(comparison.fieldCount) fields)")
        } else {
            lines.append("FAIL \(check.name): \(comparison.failureCount) of \(comparison.fieldCount) fields out of "
                         + (comparison.equivalences.isEmpty ? "tolerance" : "tolerance or margin")
                         + (check.obtainedFile.map { "; obtained results in \($0.path)" } ?? ""))
            lines += table(comparison.failures)
        }
        lines += equivalenceLines(comparison.equivalences)
        if let recordedBy = check.recordedBy {
            lines.append("  (recorded by \(recordedBy))")
        }
        return lines
    }

    /// Each field under a margin: the mean paired difference over the seeds, its 95%
    /// interval, the margin, and whether the interval lies within it.
    package static func equivalenceLines(_ equivalences: [CaseComparison.Equivalence]) -> [String] {
        equivalences.map { equivalence in
            let margin = "margin ±\(SignificantDigits.text(equivalence.margin))"
            guard let difference = equivalence.difference else {
                return "  \(equivalence.field): a seed lacks the number, \(margin): OUTSIDE"
            }
            return "  \(equivalence.field): mean difference \(SignificantDigits.text(difference.mean)) over "
                + "\(difference.seeds.count) seeds, 95% interval [\(SignificantDigits.text(difference.low)), "
                + "\(SignificantDigits.text(difference.high))], \(margin): \(equivalence.passed ? "within" : "OUTSIDE")"
        }
    }

    /// The worst failures as a table: field, expected, obtained, absolute and relative
    /// difference, tolerance; no lines without failures.
    package static func table(_ failures: [CaseComparison.Failure]) -> [String] {
        guard !failures.isEmpty else { return [] }
        let shown = failures.prefix(tableRows)
        let header = ["field", "expected", "obtained", "|difference|", "relative", "tolerance"]
        let rows: [[String]] = [header] + shown.map(row)
        var lines = TextTable(rows).lines().map { "  " + $0 }
        if failures.count > shown.count { lines.append("  ... and \(failures.count - shown.count) more") }
        return lines
    }
}

extension CaseCheckText {
    /// One failure's cells.
    private static func row(_ failure: CaseComparison.Failure) -> [String] {
        let tolerance = failure.tolerance.map { rule in
            "atol \(SignificantDigits.text(rule.absolute)), rtol \(SignificantDigits.text(rule.relative))"
        }
        return [failure.field, failure.expected ?? "(missing)", failure.obtained ?? "(missing)",
                failure.absolute.map(SignificantDigits.text) ?? "-", failure.relative.map(SignificantDigits.text) ?? "-",
                tolerance ?? "exact"]
    }
}
