import Foundation
import ModelFile
import Reports

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
        let datasets = report.steps == nil ? "\(report.datasetCount) datasets"
            : "\(report.datasetCount - 1) datasets besides the step digests"
        lines += section("values", count: report.values.count,
                         noun: "of \(datasets) not identical, \(beyond) beyond the tolerance",
                         rows: report.values.map(values), none: "all \(datasets) identical")
        if let steps = report.steps {
            lines += ["", StepComparisonText.title(of: steps)] + StepComparisonText.rows(of: steps).map { "  " + $0 }
        }
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
        let header = ["tensor", "torch name", "||A||", "||B - A||", "relative"]
        let rows = moved.map { movement in
            [movement.path, movement.torchName ?? "-", number(movement.normA), number(movement.change),
             movement.relativeChange.map(number) ?? "new"]
        }
        return TextTable([header] + rows, alignments: [.left, .left, .right, .right, .right],
                         minimumWidths: [0, 0, numberWidth, numberWidth, numberWidth]).lines().map { "  " + $0 }
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
            let rows = behaviour.worst.map { image in
                [image.id, FixedDecimal.text(image.iouA, digits: 4), FixedDecimal.text(image.iouB, digits: 4),
                 FixedDecimal.text(image.scoreA, digits: 1), FixedDecimal.text(image.scoreB, digits: 1)]
            }
            let table = TextTable([["id", "IoU A", "IoU B", "score A", "score B"]] + rows,
                                  alignments: Array(repeating: .right, count: 5),
                                  minimumWidths: Array(repeating: numberWidth, count: 5))
            lines += table.lines().map { "  " + $0 }
        }
        return lines
    }

    /// The least width of a column of numbers.
    private static let numberWidth = 10

    private static func number(_ value: Double) -> String {
        SignificantDigits.text(value)
    }

    private static func quoted(_ text: String?) -> String {
        text.map { "\"\($0)\"" } ?? "(none)"
    }

    private static func json(_ value: JSONValue?) -> String {
        value?.description ?? "(missing)"
    }
}
