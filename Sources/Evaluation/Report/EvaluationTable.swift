import ModelRuns
import Reports
import Scoring
import TGSData

/// The short readable table of a report that the commands print.
package enum EvaluationTable {
    /// The table's lines, each ending with a line feed.
    /// - Parameters:
    ///   - report: the report.
    ///   - modelName: how to name the model (the path as given), for a model's report.
    package static func text(of report: EvaluationReport, modelName: String? = nil) -> String {
        let summary = report.summary
        var lines: [String] = []
        switch report.subject {
        case .model(let part):
            if let identity = part.model {
                let model = identity.configuration.model
                lines.append(row("model", "\(modelName ?? "model") (sha256 \(identity.sha256.prefix(12))), "
                                    + "rule \(model.rule), width \(model.width), size \(model.size), "
                                    + "\(identity.epochsCompleted) epochs trained"))
            }
            lines.append(row("data", "split \(part.data.split.rawValue): \(part.data.imageCount) images, "
                                + "fingerprint \(part.data.fingerprint.prefix(12)), trace \(part.traceMode.rawValue)"
                                + (part.convolution.isReported ? ", \(part.convolution.text)" : "")))
        case .submission(let part):
            lines.append(row("masks", "\(summary.imageCount) images of \(part.size) x \(part.size)"))
        }
        let at = report.threshold.map { " at threshold \(decimal($0, 2))" } ?? " (masks as given)"
        lines.append(row("score", decimal(summary.score, 4) + at))
        if let part = report.modelPart {
            lines.append(row("best θ", "\(decimal(part.sweep.bestThreshold, 4)): score \(decimal(part.sweep.bestScore, 4)) "
                                + "(31 thresholds from 0.30 to 0.70)"))
            lines.append(row("loss", decimal(part.loss, 4)))
        }
        lines.append("")
        lines.append("IoU above " + TGSMetric.thresholds.map { decimal($0, 2).padded(to: 6, .right) }.joined())
        lines.append("precision" + " " + summary.precision.map { decimal($0, 3).padded(to: 6, .right) }.joined())
        lines.append("")
        lines.append("coverage class".padded(to: 20) + "images".padded(to: 7, .right) + "score".padded(to: 8, .right))
        for (coverageClass, group) in summary.coverageClasses.enumerated() {
            lines.append(groupRow("\(coverageClass)".padded(to: 2, .right) + " " + classRange(coverageClass), group))
        }
        lines.append(groupRow("empty truth", summary.emptyTruth))
        lines.append(groupRow("non-empty truth", summary.nonEmptyTruth))
        lines.append(groupRow("all", summary.all))
        return lines.map { $0 + "\n" }.joined()
    }

    /// The salt coverage of a class: `no salt`, `0-10%`, ..., `90-100%`.
    private static func classRange(_ coverageClass: Int) -> String {
        coverageClass == 0 ? "(no salt)" : "(\(10 * (coverageClass - 1))-\(10 * coverageClass)%)"
    }

    private static func groupRow(_ label: String, _ group: GroupScore) -> String {
        label.padded(to: 20) + "\(group.count)".padded(to: 7, .right)
            + (group.score.map { decimal($0, 4) } ?? "-").padded(to: 8, .right)
    }

    private static func row(_ label: String, _ text: String) -> String {
        label.padded(to: 8) + " " + text
    }

    private static func decimal(_ value: Double, _ digits: Int) -> String {
        FixedDecimal.text(value, digits: digits)
    }
}
