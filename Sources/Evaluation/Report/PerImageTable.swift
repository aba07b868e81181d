import ModelRuns
import TGSData
import TGSFiles

/// The per-image results of a report as a CSV table (one header row, rows in id order,
/// lines ending with a line feed).
package enum PerImageTable {
    /// The header row's fields.
    package static let header = ["id", "coverage_class", "truth_pixels", "predicted_pixels", "intersection", "union",
                                "passed_thresholds", "score", "loss"]

    /// The table of `report`'s images. Numbers are written as the shortest text that reads
    /// back to the same double; the loss is empty when there is none.
    package static func text(of report: EvaluationReport) -> String {
        ([header] + report.images.map { image in
            [image.id, "\(image.coverageClass)", "\(image.overlap.truthPixels)", "\(image.overlap.predictedPixels)",
             "\(image.overlap.intersection)", "\(image.overlap.union)", "\(image.passedThresholds)", "\(image.score)",
             image.loss.map { "\($0)" } ?? ""]
        }).map(CSVTable.record).joined()
    }
}
