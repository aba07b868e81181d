import Evaluation
import Foundation
import ModelFile

/// The text `plastic-unet diff` prints: the files, the differences of structure and
/// metadata, of the config, of the values, what moved, the behaviour on data, and the
/// verdict on the last line.
package enum DiffReportText {
    /// The report's text; `names` are the two files as given.
    package static func text(of report: DiffReport, names: (a: String, b: String)) -> String {
        var lines = [side("A", names.a, report.a), side("B", names.b, report.b)]
        let scope = report.only.isEmpty ? "" : "; only " + report.only.joined(separator: ", ")
        lines.append("compared with atol \(number(report.tolerance.absolute)), "
                     + "rtol \(number(report.tolerance.relative))\(scope)")
        if report.a.generator != report.b.generator {
            lines.append("generator: \(quoted(report.a.generator)) -> \(quoted(report.b.generator)) "
                         + "(not counted as a difference)")
        }
        lines += section("structure and metadata", count: report.metadata.count, noun: "difference",
                         rows: report.metadata.map(metadata), none: "no difference")
        if let config = report.config {
            lines += section("config", count: config.count, noun: "key differs", plural: "keys differ",
                             rows: config.map { "\($0.key): \(json($0.a)) -> \(json($0.b))" }, none: "the same")
        }
        let beyond = report.values.filter(\.differs).count
        lines += section("values", count: report.values.count,
                         noun: "of \(report.datasetCount) datasets not identical, \(beyond) beyond the tolerance",
                         rows: report.values.map(values), none: "all \(report.datasetCount) datasets identical")
        if let moved = report.moved {
            lines += ["", "what moved (B - A, most moved first)"] + table(moved)
        }
        if let behaviour = report.behaviour {
            lines += ["", "behaviour"] + self.behaviour(behaviour)
        }
        lines += ["", report.verdict.description]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func side(_ letter: String, _ name: String, _ side: DiffReport.FileSide) -> String {
        let kind = side.isModel ? "a plastic-unet model file" : "an HDF5 file"
        return "\(letter)  \(name): \(kind)" + (side.sha256.map { ", sha256 \($0.prefix(12))" } ?? "")
    }

    /// A titled list: `TITLE (COUNT NOUN)` (the noun made plural with `s`, or `plural`)
    /// and the rows, or `TITLE: NONE` when it is empty.
    private static func section(_ title: String, count: Int, noun: String, plural: String? = nil,
                                rows: [String], none: String) -> [String] {
        guard count > 0 else { return ["", "\(title): \(none)"] }
        let counted = noun.hasPrefix("of ") ? noun : count == 1 ? noun : plural ?? noun + "s"
        return ["", "\(title) (\(count) \(counted))"] + rows.map { "  " + $0 }
    }

    private static func metadata(_ difference: DiffReport.MetadataDifference) -> String {
        let head = "\(difference.path) (\(difference.kind))"
        switch difference.aspect {
        case .presence: return "\(head): only in \(difference.a != nil ? "A" : "B")"
        default: return "\(head): \(difference.aspect): \(difference.a ?? "(none)") -> \(difference.b ?? "(none)")"
        }
    }

    private static func values(_ dataset: DiffReport.DatasetValues) -> String {
        let head = dataset.path + (dataset.torchName.map { " (\($0))" } ?? "")
        switch dataset.outcome {
        case .notCompared(let reason):
            return "\(head): not compared: \(reason)"
        case .compared(let comparison):
            let counts = comparison.differingCount > 0
                ? "\(comparison.differingCount) of \(comparison.elementCount) elements differ"
                : "equal within the tolerance, \(comparison.changedCount) of \(comparison.elementCount) "
                    + "elements changed"
            let largest = comparison.largestAbsolute.map { absolute in
                "; largest difference \(number(absolute)) (relative \(number(comparison.largestRelative ?? 0)))"
            } ?? ""
            let worst = comparison.worst.map { element in
                "; worst [\(element.index.map(String.init).joined(separator: ", "))]: \(element.a) -> \(element.b)"
            } ?? ""
            return head + ": " + counts + largest + worst
        }
    }

    private static func table(_ moved: [DiffReport.TensorMovement]) -> [String] {
        let width = max(6, moved.map(\.path.count).max() ?? 0)
        let torchWidth = max(10, moved.map { ($0.torchName ?? "-").count }.max() ?? 0)
        let header = "  " + "tensor".padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            + "torch name".padding(toLength: torchWidth, withPad: " ", startingAt: 0)
            + "  " + ["||A||", "||B - A||", "relative"].map(column).joined(separator: "  ")
        return [header] + moved.map { movement in
            "  " + movement.path.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + (movement.torchName ?? "-").padding(toLength: torchWidth, withPad: " ", startingAt: 0) + "  "
                + [number(movement.normA), number(movement.change), movement.relativeChange.map(number) ?? "new"]
                    .map(column).joined(separator: "  ")
        }
    }

    private static func behaviour(_ behaviour: BehaviourComparison) -> [String] {
        var lines = [
            "  split \(behaviour.split.rawValue), \(behaviour.imageCount) images, "
                + "trace \(behaviour.traceMode.rawValue), "
                + "threshold \(number(behaviour.threshold))",
            "  " + behaviour.scoreChangeText,
            "  largest probability difference \(number(behaviour.largestProbabilityDifference))",
            "  predicted masks differ on \(behaviour.differingMasks) of \(behaviour.imageCount) images",
        ]
        if !behaviour.worst.isEmpty {
            lines.append("  " + ["id", "IoU A", "IoU B", "score A", "score B"].map(column).joined(separator: "  "))
            lines += behaviour.worst.map { image in
                "  " + [image.id, FixedDecimal.text(image.iouA, digits: 4), FixedDecimal.text(image.iouB, digits: 4),
                        FixedDecimal.text(image.scoreA, digits: 1), FixedDecimal.text(image.scoreB, digits: 1)]
                    .map(column).joined(separator: "  ")
            }
        }
        return lines
    }

    /// A number in at most five significant digits (`0.0003`, `1.5e-08`, `nan`).
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        return String(format: "%.5g", value)
    }

    private static func column(_ text: String) -> String {
        text.count >= 10 ? text : String(repeating: " ", count: 10 - text.count) + text
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "\"\($0)\"" } ?? "(none)"
    }

    private static func json(_ value: JSONValue?) -> String {
        value?.description ?? "(missing)"
    }
}
