import ModelRuns
import Reports

/// A reproduction report as JSON, as `schemas/reproduce-report-v1.schema.json` defines it.
package enum ReproductionJSON {
    /// The value of `format`.
    package static let format = "plastic-unet-reproduce-report"

    /// The report's JSON text, keys sorted, ending with a line feed.
    package static func text(of report: ReproductionReport) -> String {
        var divergence = JSONValue.null, differing: [String] = []
        let verdict: String
        switch report.outcome {
        case .reproduced: verdict = "reproduced"
        case .agreedSoFar: verdict = "reproduced_so_far"
        case .parted(let position, let parts, let explanation):
            verdict = "parted"
            divergence = .object([
                "step": .integer(Int64(position.step)), "epoch": .integer(Int64(position.epoch)),
                "index_in_epoch": .integer(Int64(position.indexInEpoch)),
                "steps_per_epoch": .integer(Int64(position.stepsPerEpoch)), "image_id": .string(position.id),
                "parts": .array(parts.map(JSONValue.string)), "explanation": .string(explanation),
            ])
        case .finalStateDiffers(let paths):
            verdict = "final_state_differs"
            differing = paths
        }
        let subject = report.subject
        return JSONValue.object([
            "format": .string(format), "format_version": .integer(1),
            "model": .object([
                "sha256": .string(subject.modelSHA256), "generator": .string(subject.generator),
                "steps": .integer(Int64(subject.stepsRecorded)), "epochs": .integer(subject.epochsCompleted),
                "seal": .string(sealName(subject)),
            ]),
            "replay": .object([
                "kernel_path": .string(subject.kernelPath), "threads": .integer(Int64(subject.threads)),
                "compared_by": .string(subject.comparison.rawValue),
                "steps_checked": .integer(Int64(report.stepsChecked)),
            ]),
            "verdict": .string(verdict), "divergence": divergence,
            "differing_objects": .array(differing.map(JSONValue.string)),
        ]).prettyText + "\n"
    }

    private static func sealName(_ subject: ReproductionReport.Subject) -> String {
        switch subject.seal {
        case .intact: "intact"
        case .broken: "broken"
        case .absent: "absent"
        }
    }
}
