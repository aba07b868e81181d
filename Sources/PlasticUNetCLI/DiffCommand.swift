import ArgumentParser
import FileOutput
import Foundation
import ModelDiff
import ModelFile
import ModelRuns
import PlasticUNet
import Reports
import TGSFiles

/// `plastic-unet diff`: what changed between two models (or any two HDF5 files).
package struct DiffCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two model files (or any two HDF5 files): structure, config, values, what moved, behaviour.",
        discussion: """
        Compares every group, dataset and attribute of A and B: objects on one side only, kind, dtype, \
        shape, chunks and filters, and attributes; the values of every dataset both hold, element by \
        element. Two numbers are equal when |a - b| <= atol + rtol * max(|a|, |b|) (the defaults, 0 and \
        0, mean exactly equal; +0 equals -0); NaN equals NaN at the same index but no number; an infinity \
        equals only the same infinity; integers and strings are compared exactly. For each dataset that \
        differs: how many elements, the largest absolute and relative difference, and the worst element \
        with its index and both values.

        For two model files also: the config key by key (a changed option with both values); a "what \
        moved" table of every tensor (parameters, w, alpha, eta, the trace) by model path and PyTorch \
        name, with ||B - A|| and ||B - A|| / ||A|| ("new" where ||A|| is 0), most moved first. The root \
        attribute generator (the program's version) is shown when it differs but is no difference. \
        Datasets whose values are not numbers or strings are compared by type and shape only.

        --data DIR also evaluates both models on the same images of DIR (--split, default all) and \
        reports each score and the difference, the largest probability difference, how many images' \
        predicted masks differ and the images whose IoU changed most; a mask that differs makes the \
        verdict "different" even when every number is within the tolerance.

        The last line is the verdict: identical, equal within tolerance, or different: K of M datasets, \
        N config keys (with the groups that differ, and with --data the score change). --json FILE \
        writes the same content for machines (schemas/diff-report-v1.schema.json; it names the files by \
        their SHA-256, not by path, and so hashes them, on a thread of its own).

        Exit codes: 0 no difference beyond the tolerance; 1 different; 2 could not compare (a missing or \
        unreadable file, bad options, data the models cannot take).
        """)

    /// The first file.
    @Argument(help: ArgumentHelp("The first file (A).", valueName: "a"))
    package var first: String

    /// The second file.
    @Argument(help: ArgumentHelp("The second file (B).", valueName: "b"))
    package var second: String

    /// The absolute tolerance.
    @Option(help: "The absolute tolerance atol (not negative).")
    package var atol = 0.0

    /// The relative tolerance.
    @Option(help: "The relative tolerance rtol, scaled by max(|a|, |b|) (not negative).")
    package var rtol = 0.0

    /// The paths to restrict the comparison to.
    @Option(help: ArgumentHelp("""
        Compare only the groups and datasets at or under this path, for example /parameters or /trace \
        (repeatable; the root's attributes and the config are then left out).
        """, valueName: "prefix"))
    package var only: [String] = []

    /// The data folder of the behaviour comparison.
    @Option(help: ArgumentHelp("Also evaluate both models on the images of this data folder (TGS layout).",
                               valueName: "dir"))
    package var data: String?

    /// The images to evaluate.
    @Option(help: """
        The images to evaluate, all (every image; the default, since two models may record different \
        splits), or val or train (the ids both model files record, which must agree). Only with --data.
        """)
    package var split: EvaluationSplit?

    /// The trace mode.
    @Option(help: ArgumentHelp(PredictionOptions.traceHelp + " Only with --data. (default: stored)"))
    package var trace: TraceMode?

    /// The mask threshold.
    @Option(help: ArgumentHelp(PredictionOptions.thresholdHelp + " Only with --data. (default: 0.5)"))
    package var threshold: Double?

    /// The number of threads.
    @Option(help: ArgumentHelp("Only with --data: " + PredictionOptions.threadsHelp.prefix(1).lowercased()
                                   + PredictionOptions.threadsHelp.dropFirst()))
    package var threads: Int?

    /// The JSON report to write.
    @Option(help: ArgumentHelp("Also write the report as JSON to this file.", valueName: "file"))
    package var json: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses negative or infinite tolerances, relative paths in --only, evaluation options
    /// without --data and empty output paths.
    package func validate() throws {
        try ToleranceRule.check(atol: atol, rtol: rtol)
        if let prefix = only.first(where: { !$0.hasPrefix("/") }) {
            throw ValidationError("--only takes a path from the root, such as /parameters; got \(prefix)")
        }
        if data == nil, split != nil || trace != nil || threshold != nil || threads != nil {
            throw ValidationError("--split, --trace, --threshold and --threads need --data")
        }
        if let threshold { try ThresholdRule.check(threshold) }
        try ThreadCountRule.check(threads)
        if json?.isEmpty == true { throw ValidationError("--json must name a file") }
    }

    /// Compares, prints the report, writes the JSON, and exits 1 when the files differ.
    package func run() throws {
        if let json { try OutputFolder.requireParent(of: URL(fileURLWithPath: json)) }
        let reading = ProgramReading.commands
        let a = try reading.read(URL(fileURLWithPath: first)), b = try reading.read(URL(fileURLWithPath: second))
        var digests: (String, String)?
        let behaviour = try data.map { folder in
            // The models decode from the files as read: nothing is read or parsed twice.
            var modelA = try ModelFileReader.decode(a), modelB = try ModelFileReader.decode(b)
            (modelA.name, modelB.name) = (first, second)
            digests = (modelA.identity.sha256, modelB.identity.sha256)
            return try BehaviourComparison.compare(modelA, modelB,
                                                   data: try DataSetLoader.load(from: URL(fileURLWithPath: folder)),
                                                   split: split ?? .all, traceMode: trace ?? .stored,
                                                   threshold: threshold ?? 0.5,
                                                   kernels: try PredictionOptions.kernels(threads: threads))
        }
        let report = try FileDiff.compare(a, b, options: FileDiff.Options(
            tolerance: Tolerance(absolute: atol, relative: rtol), only: only, hashFiles: json != nil),
            behaviour: behaviour, digests: digests)
        if let json { try AtomicFile.write(DiffReportJSON.text(of: report), to: URL(fileURLWithPath: json)) }
        print(DiffReportText.text(of: report, names: (first, second)), terminator: "")
        if report.verdict.status == .different { throw ExitCode(1) }
    }
}
