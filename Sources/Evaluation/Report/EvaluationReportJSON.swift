import ModelFile
import ModelRuns
import Reports
import Scoring
import TGSData

/// The JSON form of an ``EvaluationReport``, as `schemas/evaluation-report-v1.schema.json`
/// defines it: keys sorted, no paths, no times, so that equal reports give equal bytes.
package enum EvaluationReportJSON {
    /// The value of the `report` key.
    package static let reportName = "plastic-unet-evaluation"
    /// The value of the `report_version` key.
    package static let reportVersion: Int64 = 1

    /// The report as a JSON value. Per-image results are left out (the per-image table
    /// holds them).
    package static func value(of report: EvaluationReport) -> JSONValue {
        let summary = report.summary
        var object: [String: JSONValue] = [
            "report": .string(reportName),
            "report_version": .integer(reportVersion),
            "threshold": report.threshold.map(JSONValue.number) ?? .null,
            "image_count": .integer(Int64(summary.imageCount)),
            "score": .number(summary.score),
            "precision": .array(zip(TGSMetric.thresholds, summary.precision).map { iou, fraction in
                .object(["iou_above": .number(iou), "fraction": .number(fraction)])
            }),
            "by_coverage_class": .array(summary.coverageClasses.enumerated().map { coverageClass, group in
                groupValue(group, extra: ["class": .integer(Int64(coverageClass))])
            }),
            "by_truth": .object(["empty": groupValue(summary.emptyTruth), "non_empty": groupValue(summary.nonEmptyTruth)]),
        ]
        switch report.subject {
        case .model(let part):
            object["kind"] = .string("model")
            // A model without a file (trained in memory) has no identity to report.
            object["model"] = part.model.map(modelValue) ?? .null
            object["data"] = .object([
                "fingerprint": .string(part.data.fingerprint),
                "size": .integer(Int64(part.data.size)),
                "split": .string(part.data.split.rawValue),
                "image_count": .integer(Int64(part.data.imageCount)),
            ])
            object["trace_mode"] = .string(part.traceMode.rawValue)
            // Only where winograd is involved, so that the reports of direct models keep their bytes.
            if part.convolution.isReported { object["convolution"] = .string(part.convolution.used.rawValue) }
            object["sweep"] = .object([
                "points": .array(zip(ThresholdSweep.thresholds, part.sweep.scores).map { threshold, score in
                    .object(["threshold": .number(threshold), "score": .number(score)])
                }),
                "best_threshold": .number(part.sweep.bestThreshold),
                "best_score": .number(part.sweep.bestScore),
            ])
            object["loss"] = .number(part.loss)
        case .submission(let part):
            object["kind"] = .string("submission")
            object["masks"] = .object([
                "size": .integer(Int64(part.size)),
                "truth_fingerprint": .string(part.truthFingerprint),
                "prediction_fingerprint": .string(part.predictionFingerprint),
            ])
        }
        return .object(object)
    }

    /// The report's text: indented JSON with sorted keys and a final line feed.
    package static func text(of report: EvaluationReport) -> String {
        value(of: report).prettyText + "\n"
    }

    private static func groupValue(_ group: GroupScore, extra: [String: JSONValue] = [:]) -> JSONValue {
        .object(extra.merging(["count": .integer(Int64(group.count)), "score": group.score.map(JSONValue.number) ?? .null],
                              uniquingKeysWith: { first, _ in first }))
    }

    private static func modelValue(_ model: ModelIdentity) -> JSONValue {
        .object([
            "sha256": .string(model.sha256),
            "config": JSONValue.object(parsing: model.configuration.jsonText()) ?? .null,
            "format_version": .integer(model.formatVersion),
            "generator": .string(model.generator),
            "epochs_completed": .integer(model.epochsCompleted),
            "optimizer_steps": .integer(model.optimizerSteps),
            "training_data_fingerprint": model.trainingDataFingerprint.map(JSONValue.string) ?? .null,
        ])
    }
}
