import ArgumentParser
import FileOutput
import Foundation
import Sweeps

/// `plastic-unet sweep report`: compares a sweep's variants.
package struct SweepReportCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compare a sweep's variants: scores with their spread, and paired differences to a baseline.",
        discussion: """
        For every variant in each trace mode: the number of seeds; the mean and standard \
        deviation (n - 1) over the seeds of the final models' validation scores at threshold \
        0.5 and at each seed's best threshold; the paired difference to the baseline over the \
        seeds both finished: each seed's difference, their mean and a 95% interval from a \
        seeded percentile bootstrap (10000 resamples; the same on every run), flagged rough \
        below 5 seeds; and the per-image paired difference (Δ image): the mean difference of \
        the image scores at 0.5 over the same seeds and images, with a 95% interval from a \
        seeded two-level bootstrap (resample the seeds, then the images within each), which \
        is about this data set's images.

        In a sweep with folds (sweep plan --folds K) a seed's scores pool the out-of-fold \
        predictions of its K runs: one score at 0.5 over every image (each scored by the \
        model of the fold that held it out), and the best threshold of that pooled set. A \
        seed with a missing or failed fold is listed as incomplete and never pooled.

        Runs that are missing or failed are listed, never dropped; the rest is computed. The \
        table is plain text, Markdown (--markdown) or CSV (--csv; the missing and failed runs \
        and the incomplete seeds then go to standard error). Results written before version 2 \
        have no image scores: their seeds have no Δ image and no --per-image rows.

        Exit codes: 0 reported; 2 bad options, or a plan or result that cannot be read.
        """)

    /// The sweep's folder.
    @Argument(help: ArgumentHelp("The sweep's folder.", valueName: "sweep-dir"))
    package var folder: String

    /// Markdown output.
    @Flag(help: "Print the table as Markdown.")
    package var markdown = false

    /// CSV output.
    @Flag(help: "Print the table as CSV.")
    package var csv = false

    /// The JSON report's file.
    @Option(help: ArgumentHelp("Also write the report as JSON (schemas/sweep-report-v2.schema.json).",
                               valueName: "file"))
    package var json: String?

    /// The per-image CSV's file.
    @Option(help: ArgumentHelp("""
        Also write every image's score as CSV: one row per variant, seed, trace mode and image with the header \
        variant,seed,trace,image,fold,score,coverage_class (the TGS score at threshold 0.5 from the model of the \
        fold that held the image out; fold empty without folds).
        """, valueName: "file"))
    package var perImage: String?

    /// The plots' folder.
    @Option(help: ArgumentHelp("Write the plot of every seed's score by variant (sweep-scores.svg) into this folder.",
                               valueName: "dir"))
    package var plots: String?

    /// The baseline variant.
    @Option(help: """
        The variant the others are compared with. (default: hebb-free, or hebb-free-winograd in a sweep \
        that has it and not hebb-free)
        """)
    package var baseline: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses two table formats.
    package func validate() throws {
        if markdown && csv { throw ValidationError("give --markdown or --csv, not both") }
    }

    /// Reads the results, writes the files asked for and prints the table.
    package func run() throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let plan = try SweepPlan.read(from: url)
        let report = try SweepReport(folder: url, plan: plan,
                                     baseline: baseline ?? SweepVariant.defaultBaseline(among: plan.variants))
        var files: [(URL, String)] = []
        if let json { files.append((URL(fileURLWithPath: json), try report.json())) }
        if let perImage { files.append((URL(fileURLWithPath: perImage), report.perImageCSV)) }
        if let plots {
            let plotFolder = URL(fileURLWithPath: plots)
            try OutputFolder.make(plotFolder)
            files.append((plotFolder.appendingPathComponent(SweepReport.plotFileName), report.plot))
        }
        for (file, text) in files { try AtomicFile.write(text, to: file) }
        if csv {
            print(report.csv, terminator: "")
            for run in report.unfinished { StandardErrorNote.print(SweepReport.describe(run)) }
            for seed in report.incomplete { StandardErrorNote.print(SweepReport.describe(seed)) }
        } else {
            print(report.text(style: markdown ? .markdown : .plain), terminator: "")
        }
    }
}
