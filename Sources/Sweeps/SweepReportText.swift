import PlasticUNet
import Reports
import TGSFiles

/// A sweep report as a table for people (aligned columns or Markdown) or for programs
/// (CSV), with the per-seed differences and the runs that are missing or failed.
extension SweepReport {
    /// How the table is written.
    package enum TableStyle: Sendable {
        /// Aligned columns.
        case plain
        /// A Markdown table.
        case markdown
    }

    private static let header = ["variant", "trace", "runs", "score@0.5", "sd", "best", "sd",
                                 "Δ score@0.5", "95% interval", "Δ best", "95% interval", ""]

    /// The report: a summary line, the table, the per-seed differences and the runs that
    /// are missing or failed.
    package func text(style: TableStyle) -> String {
        let finished = plannedRuns - unfinished.count
        var lines = ["\(finished) of \(plannedRuns) runs finished; Δ: paired difference to \(baseline) over the "
                     + "same seeds, with a seeded bootstrap 95% interval (\(PairedDifference.resamples) resamples; "
                     + "rough: fewer than \(PairedDifference.roughBelow) seeds)", ""]
        let rows = [Self.header] + self.rows.map(cells)
        lines += style == .markdown ? Self.markdown(rows) : Self.aligned(rows)
        let differences = self.rows.compactMap { row -> String? in
            guard let score = row.difference[.score], let best = row.difference[.bestScore] else { return nil }
            let seeds = zip(score.seeds, zip(score.differences, best.differences)).map { seed, pair in
                "seed \(seed): \(Self.signed(pair.0)); \(Self.signed(pair.1))"
            }
            return "  \(row.variant) \(row.mode.rawValue): " + seeds.joined(separator: ", ")
        }
        if !differences.isEmpty {
            lines += ["", "per-seed differences to \(baseline) (score@0.5; best):"] + differences
        }
        lines += ["", unfinished.isEmpty ? "missing or failed runs: none" : "missing or failed runs:"]
        lines += unfinished.map(Self.describe)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as CSV: numbers in full, empty fields where there is no value.
    package var csv: String {
        let header = ["variant", "trace_mode", "runs", "score_mean", "score_sd", "best_score_mean", "best_score_sd",
                      "score_difference", "score_difference_low", "score_difference_high",
                      "best_score_difference", "best_score_difference_low", "best_score_difference_high", "rough"]
        let records = rows.map { row -> [String] in
            let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
            var fields = [row.variant, row.mode.rawValue, "\(row.scores.count)"]
            for metric in Metric.allCases {
                fields += [number(row.spread[metric]?.mean), number(row.spread[metric]?.standardDeviation)]
            }
            for metric in Metric.allCases {
                let difference = row.difference[metric]
                fields += [number(difference?.mean), number(difference?.low), number(difference?.high)]
            }
            fields.append(row.difference[.score].map { $0.isRough ? "true" : "false" } ?? "")
            return fields
        }
        return ([header] + records).map(CSVTable.record).joined()
    }

    /// A run that is missing or failed, in one line.
    package static func describe(_ run: Unfinished) -> String {
        "  run \(run.index) (\(run.variant), seed \(run.seed)): "
            + (run.failure.map { "failed: \($0)" } ?? "missing (no result yet)")
    }

    private func cells(_ row: Row) -> [String] {
        let spread = { (metric: Metric) -> [String] in
            guard let spread = row.spread[metric] else { return ["-", "-"] }
            return [Self.decimal(spread.mean), spread.standardDeviation.map(Self.decimal) ?? "-"]
        }
        let difference = { (metric: Metric) -> [String] in
            guard let difference = row.difference[metric] else {
                return [row.variant == baseline ? "baseline" : "-", ""]
            }
            return [Self.signed(difference.mean),
                    "[\(Self.signed(difference.low)), \(Self.signed(difference.high))]"]
        }
        let rough = row.difference[.score]?.isRough == true ? "rough" : ""
        return [row.variant, row.mode.rawValue, "\(row.scores.count)"] + spread(.score) + spread(.bestScore)
            + difference(.score) + difference(.bestScore) + [rough]
    }

    private static func decimal(_ value: Double) -> String { FixedDecimal.text(value, digits: 3) }

    private static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + FixedDecimal.text(value, digits: 3)
    }

    private static func aligned(_ rows: [[String]]) -> [String] {
        TextTable(rows, alignments: [.left, .left] + Array(repeating: .right, count: rows[0].count - 2)).lines()
    }

    private static func markdown(_ rows: [[String]]) -> [String] {
        let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |" }
        let rule = rows[0].indices.map { $0 < 2 ? "---" : "---:" }
        return [line(rows[0]), line(rule)] + rows.dropFirst().map(line)
    }
}
