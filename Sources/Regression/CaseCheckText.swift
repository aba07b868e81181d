import ModelDiff

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
        let widths: [Int] = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = rows.map { row in
            let cells = zip(row, widths).map { cell, width in
                cell.padding(toLength: width, withPad: " ", startingAt: 0)
            }
            return "  " + cells.joined(separator: "  ").trimmingTrailingSpaces()
        }
        if failures.count > shown.count { lines.append("  ... and \(failures.count - shown.count) more") }
        return lines
    }
}

extension CaseCheckText {
    /// One failure's cells.
    private static func row(_ failure: CaseComparison.Failure) -> [String] {
        let tolerance = failure.tolerance.map { rule in
            "atol \(DiffReportText.number(rule.absolute)), rtol \(DiffReportText.number(rule.relative))"
        }
        return [failure.field, failure.expected ?? "(missing)", failure.obtained ?? "(missing)",
                failure.absolute.map(DiffReportText.number) ?? "-", failure.relative.map(DiffReportText.number) ?? "-",
                tolerance ?? "exact"]
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
