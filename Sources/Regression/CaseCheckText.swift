import Reports

/// The lines `regress check` prints for one case: `pass NAME (N fields)`, or `FAIL NAME: K
/// of N fields out of tolerance` with a table of the worst fields.
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
            lines.append("FAIL \(check.name): \(comparison.failures.count) of \(comparison.fieldCount) fields out of "
                         + "tolerance" + (check.obtainedFile.map { "; obtained results in \($0.path)" } ?? ""))
            lines += table(comparison.failures)
        }
        if let recordedBy = check.recordedBy {
            lines.append("  (recorded by \(recordedBy))")
        }
        return lines
    }

    /// The worst failures as a table: field, expected, obtained, absolute and relative
    /// difference, tolerance.
    package static func table(_ failures: [CaseComparison.Failure]) -> [String] {
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
