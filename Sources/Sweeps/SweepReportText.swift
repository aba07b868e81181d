import PlasticUNet
import Reports
import TGSFiles

/// A sweep report as a table for people (aligned columns or Markdown) or for programs
/// (CSV), with the per-seed differences, the runs that are missing or failed and the seeds
/// that are incomplete.
extension SweepReport {
    /// How the table is written.
    package enum TableStyle: Sendable {
        /// Aligned columns.
        case plain
        /// A Markdown table.
        case markdown
    }

    private static let header = ["variant", "trace", "seeds", "score@0.5", "sd", "best", "sd",
                                 "Δ score@0.5", "95% interval", "Δ image", "95% interval", "Δ best", "95% interval", ""]

    /// The report: a summary line, the table, the per-seed differences, the runs that are
    /// missing or failed and the seeds that are incomplete.
    package func text(style: TableStyle) -> String {
        let finished = plannedRuns - unfinished.count
        let pooling = folds.map {
            " Each seed's scores pool its \($0) folds' out-of-fold predictions: every image scored once, by the model "
                + "that did not train on it."
        } ?? ""
        var lines = ["\(finished) of \(plannedRuns) runs finished.\(pooling) Δ: paired difference to \(baseline) over "
                     + "the same seeds, with a seeded bootstrap 95% interval (\(PairedDifference.resamples) resamples; "
                     + "rough: fewer than \(PairedDifference.roughBelow) seeds). Δ image: the mean difference of the "
                     + "image scores at 0.5 over the same seeds and images, with a seeded two-level bootstrap 95% "
                     + "interval (seeds, then images within each): about this data set's images, not new ones.", ""]
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
        if folds != nil {
            lines += ["", incomplete.isEmpty ? "incomplete seeds: none" : "incomplete seeds (not pooled):"]
            lines += incomplete.map(Self.describe)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as CSV: numbers in full, empty fields where there is no value.
    package var csv: String {
        let header = ["variant", "trace_mode", "seeds", "score_mean", "score_sd", "best_score_mean", "best_score_sd",
                      "score_difference", "score_difference_low", "score_difference_high",
                      "best_score_difference", "best_score_difference_low", "best_score_difference_high", "rough",
                      "image_score_difference", "image_score_difference_low", "image_score_difference_high"]
        let records = rows.map { row -> [String] in
            let number = { (value: Double?) in value.map { "\($0)" } ?? "" }
            var fields = [row.variant, row.mode.rawValue, "\(row.seeds.count)"]
            for metric in Metric.allCases {
                fields += [number(row.spread[metric]?.mean), number(row.spread[metric]?.standardDeviation)]
            }
            for metric in Metric.allCases {
                let difference = row.difference[metric]
                fields += [number(difference?.mean), number(difference?.low), number(difference?.high)]
            }
            fields.append(row.difference[.score].map { $0.isRough ? "true" : "false" } ?? "")
            let image = row.imageDifference
            fields += [number(image?.mean), number(image?.low), number(image?.high)]
            return fields
        }
        return ([header] + records).map(CSVTable.record).joined()
    }

    /// A run that is missing or failed, in one line.
    package static func describe(_ run: Unfinished) -> String {
        "  " + SweepRunName(index: run.index, variant: run.variant, seed: run.seed, fold: run.fold).description + ": "
            + (run.failure.map { "failed: \($0)" } ?? "missing (no result yet)")
    }

    /// A seed that is not pooled, in one line.
    package static func describe(_ seed: Incomplete) -> String {
        let folds = { (folds: [Int], state: String) in
            folds.isEmpty ? [] : ["fold\(folds.count > 1 ? "s" : "") \(folds.map(String.init).joined(separator: ", ")) \(state)"]
        }
        return "  \(seed.variant) seed \(seed.seed): incomplete ("
            + (folds(seed.missingFolds, "missing") + folds(seed.failedFolds, "failed")).joined(separator: "; ") + ")"
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
        let image = row.imageDifference.map {
            [Self.signed($0.mean), "[\(Self.signed($0.low)), \(Self.signed($0.high))]"]
        } ?? [row.variant == baseline ? "baseline" : "-", ""]
        let rough = row.difference[.score]?.isRough == true ? "rough" : ""
        return [row.variant, row.mode.rawValue, "\(row.seeds.count)"] + spread(.score) + spread(.bestScore)
            + difference(.score) + image + difference(.bestScore) + [rough]
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
