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
        For every variant in each trace mode: the number of finished runs; the mean and \
        standard deviation (n - 1) of the final models' validation scores at threshold 0.5 \
        and at each model's best threshold; and the paired difference to the baseline over \
        the seeds both finished: each seed's difference, their mean and a 95% interval from \
        a seeded percentile bootstrap (10000 resamples; the same on every run), flagged \
        rough below 5 seeds. Runs that are missing or failed are listed, never dropped; the \
        rest is computed. The table is plain text, Markdown (--markdown) or CSV (--csv; the \
        missing and failed runs then go to standard error).

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
    @Option(help: ArgumentHelp("Also write the report as JSON (schemas/sweep-report-v1.schema.json).",
                               valueName: "file"))
    package var json: String?

    /// The plots' folder.
    @Option(help: ArgumentHelp("Write the plot of every run's score by variant (sweep-scores.svg) into this folder.",
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
        if let plots {
            let plotFolder = URL(fileURLWithPath: plots)
            try OutputFolder.make(plotFolder)
            files.append((plotFolder.appendingPathComponent(SweepReport.plotFileName), report.plot))
        }
        for (file, text) in files { try AtomicFile.write(text, to: file) }
        if csv {
            print(report.csv, terminator: "")
            for run in report.unfinished { StandardErrorNote.print(SweepReport.describe(run)) }
        } else {
            print(report.text(style: markdown ? .markdown : .plain), terminator: "")
        }
    }
}
