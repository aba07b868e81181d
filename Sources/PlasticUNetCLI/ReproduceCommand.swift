import ArgumentParser
import FileOutput
import Foundation
import Reproduction
import TGSData
import TGSFiles

/// `plastic-unet reproduce`: re-runs the training a model file records and says whether it
/// reproduces on this machine, or where it parts.
package struct ReproduceCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Re-run the training a model file records, step by step, and say whether it reproduces here.",
        discussion: """
        Reports the file's seal first (a broken seal means that the file changed after it was written), \
        then rebuilds the run from what the file records: its config, seed and split, the data (checked by \
        its fingerprint: --data DIR, or the embedded data set) and, for a run started with --init, the \
        initial model (checked by its sha256). It replays the steps the file records (to where the run \
        stopped: at its last epoch, at --max-steps, at a signal), and compares each step's digests with \
        the file's: the step's inputs (the image, its mask, the dropout decisions, the learning rate) and \
        the state after it (the parameters, the trace, Adam's moments). At the first step that differs it \
        stops and names the step, its epoch, its place in the epoch and its image, the parts that differ \
        and what that suggests (the inputs differ: the data, the split or the random streams; the inputs \
        agree but the parameters do not: the arithmetic). When every step agrees, the final state must be \
        the file's, bit for bit; otherwise the file's objects that differ are named (the file was changed \
        after training). A file of an older version, which records no step digests, is checked by each \
        step's training loss, and said so. The replay takes as long as the training did; --steps N checks \
        the first N steps only.

        On a terminal a progress bar shows on standard error. --json FILE writes the report for \
        machines (schemas/reproduce-report-v1.schema.json).

        Exit codes: 0 reproduced (every step, and the final state bit for bit; or the first --steps N); \
        1 the run parts from the file at a step, or its final state differs; 2 could not check (a file \
        that cannot be read or records no training step, other data than the file's, a missing or other \
        --init file, bad options).
        """)

    /// The model file.
    @Argument(help: "The model file whose training to replay.")
    package var model: String

    /// The data folder, or nil for the embedded default.
    @Option(help: "The data folder the model was trained on. (default: \(DataSet.embeddedDefaultDescription))")
    package var data: String?

    /// The model file the run started from.
    @Option(name: .customLong("init"), help: ArgumentHelp("""
        The model file the run started from, for a run started with --init (checked by the sha256 the \
        file records).
        """, valueName: "file"))
    package var initial: String?

    /// The steps to check.
    @Option(help: "Check the first N steps only (a quick check of a long run). (default: every step)")
    package var steps: Int?

    /// The number of threads.
    @Option(help: ArgumentHelp(PredictionOptions.threadsHelp))
    package var threads: Int?

    /// The JSON report to write.
    @Option(help: ArgumentHelp("Also write the report as JSON to this file.", valueName: "file"))
    package var json: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses fewer than one step or thread and an empty output path.
    package func validate() throws {
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps)") }
        try ThreadCountRule.check(threads)
        if json?.isEmpty == true { throw ValidationError("--json must name a file") }
    }

    /// Replays, prints the report, writes the JSON, and exits 1 when the run parts.
    package func run() throws {
        let kernels = try PredictionOptions.kernels(threads: threads)
        if let json { try OutputFolder.requireParent(of: URL(fileURLWithPath: json)) }
        let files = ModelFiles()
        let stored = try files.model(model)
        let dataSet = try data.map { try DataSetLoader.load(from: URL(fileURLWithPath: $0)) } ?? DataSet.embeddedDefault
        let replay = try Replay(model: stored, data: dataSet, initial: try initial.map(files.model), kernels: kernels)
        // Written at once, before the replay: the seal's state is said first.
        FileHandle.standardOutput.write(Data(ReproductionText.header(of: replay.subject, modelName: model).utf8))
        let report = try replay.run(steps: steps, progress: TrainingProgressPrinter(epochLines: false))
        if let json { try AtomicFile.write(ReproductionJSON.text(of: report), to: URL(fileURLWithPath: json)) }
        print(ReproductionText.findings(of: report), terminator: "")
        if !report.outcome.agrees { throw ExitCode(1) }
    }
}
