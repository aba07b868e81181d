import ModelFile
import Reports

/// The JSON form of a ``DiffReport``, as `schemas/diff-report-v1.schema.json` defines it:
/// keys sorted, no paths, no times. Numbers that JSON cannot hold (NaN, infinities) are
/// the strings `nan`, `inf` and `-inf`.
package enum DiffReportJSON {
    /// The value of the `report` key.
    package static let reportName = "plastic-unet-diff"
    /// The value of the `report_version` key.
    package static let reportVersion: Int64 = 1

    /// The report's JSON text, indented, ending with a line feed.
    package static func text(of report: DiffReport) -> String {
        value(of: report).prettyText + "\n"
    }

    /// The report as a JSON value.
    package static func value(of report: DiffReport) -> JSONValue {
        let verdict = report.verdict
        var object: [String: JSONValue] = [
            "report": .string(reportName),
            "report_version": .integer(reportVersion),
            "files": .object(["a": side(report.a), "b": side(report.b)]),
            "tolerance": .object(["atol": number(report.tolerance.absolute),
                                  "rtol": number(report.tolerance.relative)]),
            "only": .array(report.only.map(JSONValue.string)),
            "metadata": .array(report.metadata.map(metadata)),
            "config": report.config.map { .array($0.map(config)) } ?? .null,
            "values": .array(report.values.map(values)),
            "datasets": .object(["count": .integer(Int64(report.datasetCount)),
                                 "differing": .array(report.differingDatasets.map(JSONValue.string))]),
            "moved": report.moved.map { .array($0.map(movement)) } ?? .null,
            "behaviour": report.behaviour.map(behaviour) ?? .null,
            "verdict": .object(["status": .string(verdict.status.rawValue), "text": .string(verdict.description)]),
        ]
        // Only where a model file records step digests, so that other reports keep their bytes.
        if let steps = report.steps { object["steps"] = self.steps(steps) }
        return .object(object)
    }

    private static func steps(_ steps: StepComparison) -> JSONValue {
        .object([
            "steps_a": steps.stepsA.map { .integer(Int64($0)) } ?? .null,
            "steps_b": steps.stepsB.map { .integer(Int64($0)) } ?? .null,
            "agree": .bool(steps.agree),
            "parting": steps.parting.map { parting in
                .object([
                    "step": .integer(Int64(parting.position.step)), "epoch": .integer(Int64(parting.position.epoch)),
                    "index_in_epoch": .integer(Int64(parting.position.indexInEpoch)),
                    "steps_per_epoch": .integer(Int64(parting.position.stepsPerEpoch)),
                    "image_id": .string(parting.position.id),
                    "image_id_b": parting.otherID.map(JSONValue.string) ?? .null,
                    "parts": .array(parting.parts.map(JSONValue.string)), "explanation": .string(parting.explanation),
                ])
            } ?? .null,
        ])
    }

    private static func side(_ side: DiffReport.FileSide) -> JSONValue {
        .object(["sha256": side.sha256.map(JSONValue.string) ?? .null, "model": .bool(side.isModel),
                 "generator": side.generator.map(JSONValue.string) ?? .null])
    }

    private static func metadata(_ difference: DiffReport.MetadataDifference) -> JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(difference.path), "kind": .string(difference.kind),
            "a": difference.a.map(JSONValue.string) ?? .null, "b": difference.b.map(JSONValue.string) ?? .null,
        ]
        switch difference.aspect {
        case .attribute(let name):
            object["aspect"] = .string("attribute")
            object["attribute"] = .string(name)
        default:
            object["aspect"] = .string(difference.aspect.description)
        }
        return .object(object)
    }

    private static func config(_ change: DiffReport.ConfigChange) -> JSONValue {
        .object(["key": .string(change.key), "a": change.a ?? .null, "b": change.b ?? .null,
                 "in_a": .bool(change.a != nil), "in_b": .bool(change.b != nil)])
    }

    private static func values(_ dataset: DiffReport.DatasetValues) -> JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(dataset.path), "torch_name": dataset.torchName.map(JSONValue.string) ?? .null,
            "shape": .array(dataset.shape.map { .integer(Int64($0)) }),
        ]
        switch dataset.outcome {
        case .notCompared(let reason):
            object["compared"] = .bool(false)
            object["reason"] = .string(reason)
        case .compared(let comparison):
            object["compared"] = .bool(true)
            object["elements"] = .integer(Int64(comparison.elementCount))
            object["changed"] = .integer(Int64(comparison.changedCount))
            object["differing"] = .integer(Int64(comparison.differingCount))
            object["largest_absolute"] = comparison.largestAbsolute.map(number) ?? .null
            object["largest_relative"] = comparison.largestRelative.map(number) ?? .null
            object["worst"] = comparison.worst.map { worst in
                .object(["index": .array(worst.index.map { .integer(Int64($0)) }), "a": element(worst.a),
                         "b": element(worst.b)])
            } ?? .null
        }
        return .object(object)
    }

    private static func movement(_ movement: DiffReport.TensorMovement) -> JSONValue {
        .object(["path": .string(movement.path), "torch_name": movement.torchName.map(JSONValue.string) ?? .null,
                 "norm_a": number(movement.normA), "change": number(movement.change),
                 "relative_change": movement.relativeChange.map(number) ?? .string("new")])
    }

    private static func behaviour(_ behaviour: BehaviourComparison) -> JSONValue {
        .object([
            "split": .string(behaviour.split.rawValue), "trace_mode": .string(behaviour.traceMode.rawValue),
            "threshold": number(behaviour.threshold), "image_count": .integer(Int64(behaviour.imageCount)),
            "score_a": number(behaviour.scoreA), "score_b": number(behaviour.scoreB),
            "score_change": number(behaviour.scoreB - behaviour.scoreA),
            "largest_probability_difference": number(behaviour.largestProbabilityDifference),
            "differing_masks": .integer(Int64(behaviour.differingMasks)),
            "worst": .array(behaviour.worst.map { image in
                .object(["id": .string(image.id), "iou_a": number(image.iouA), "iou_b": number(image.iouB),
                         "score_a": number(image.scoreA), "score_b": number(image.scoreB)])
            }),
        ])
    }

    private static func element(_ value: ElementValue) -> JSONValue {
        switch value {
        case .number(let x): number(x)
        case .string(let text): .object(["string": .string(text)])
        }
    }

    /// A number, or the string `nan`, `inf` or `-inf`.
    private static func number(_ x: Double) -> JSONValue {
        if x.isNaN { return .string("nan") }
        if x.isInfinite { return .string(x < 0 ? "-inf" : "inf") }
        if x == x.rounded(), x.magnitude < 9e15 { return .integer(Int64(x)) }
        return .number(x)
    }
}
