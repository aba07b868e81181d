import ArgumentParser
import Evaluation
import Foundation

/// `plastic-unet score`: scores predicted masks against true masks, without a model.
package struct ScoreCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score predicted masks (a submission) against true masks with the TGS metric.",
        discussion: """
        TRUTH and PRED are each a run-length table with the header id,rle_mask (a train.csv or a \
        submission.csv) or a folder of mask images ID.png. In a true mask image a pixel is salt when its \
        value is above 0; in a predicted one too, unless --threshold is given. Both sides must hold the \
        same ids. Prints the TGS score (docs/MODEL.md §5), the precision at each IoU threshold and the score by \
        coverage class and by empty or non-empty truth, as evaluate does; there is no threshold sweep and \
        no loss, since masks carry no probabilities.

        The JSON report (schemas/evaluation-report-v1.schema.json, kind "submission") identifies the two \
        sides by fingerprints of their masks, not by their paths.

        Exit codes: 0 scored; 2 bad options, a table or image that cannot be read, ids missing on either \
        side (named), masks of the wrong size, or a file that cannot be written.
        """)

    /// The true masks.
    @Option(help: ArgumentHelp("The true masks: an id,rle_mask table or a folder of mask PNGs.", valueName: "truth"))
    package var truth: String

    /// The predicted masks.
    @Option(help: ArgumentHelp("The predicted masks: an id,rle_mask table or a folder of mask PNGs.",
                               valueName: "pred"))
    package var pred: String

    /// The side of the masks.
    @Option(help: """
        The side S of the masks, which run-length tables need. (default: the side of the mask images when \
        a side is a folder, otherwise 101)
        """)
    package var size: Int?

    /// The threshold of predicted images.
    @Option(help: """
        Only when PRED is a folder of images: read them as probability maps, a pixel being salt when its \
        value divided by the largest value of its bit depth is above this threshold, in [0, 1]. (default: \
        a pixel is salt when its value is above 0)
        """)
    package var threshold: Double?

    /// The JSON report to write.
    @Option(help: ArgumentHelp("Also write the report as JSON to this file.", valueName: "file"))
    package var json: String?

    /// The per-image table to write.
    @Option(help: ArgumentHelp("""
        Also write one CSV row per image: id, coverage class, truth and predicted pixels, intersection, \
        union, passed thresholds and score (the loss column stays empty).
        """, valueName: "file.csv"))
    package var perImage: String?

    /// The side when nothing else gives one.
    static let defaultSize = 101

    /// A command as the parser fills it.
    package init() {}

    /// Refuses a bad size, threshold or output path.
    package func validate() throws {
        if let size, size < 1 { throw ValidationError("--size must be at least 1, got \(size)") }
        if let threshold { try ThresholdRule.check(threshold) }
        for (flag, path) in [("--json", json), ("--per-image", perImage)] where path?.isEmpty == true {
            throw ValidationError("\(flag) must name a file")
        }
    }

    /// Scores, writes the files asked for, and prints the table.
    package func run() throws {
        try ReportFiles.requireFolders(json: json, perImage: perImage)
        let truthSource = try MaskSource.open(truth), predictionSource = try MaskSource.open(pred)
        if threshold != nil && !predictionSource.isFolder {
            throw CommandError.thresholdOnTable(pred)
        }
        let side = size ?? truthSource.side ?? predictionSource.side ?? Self.defaultSize
        let report = try SubmissionScoring.score(truth: try truthSource.masks(size: side, threshold: nil, name: truth),
                                                 prediction: try predictionSource.masks(size: side, threshold: threshold,
                                                                                        name: pred),
                                                 size: side, threshold: threshold, names: (truth: truth, prediction: pred))
        let outputs = ReportFiles.texts(of: report, json: json, perImage: perImage)
        try ReportFiles.write(outputs)
        print(EvaluationTable.text(of: report), terminator: "")
        ReportFiles.list(outputs)
    }
}
