import ArgumentParser

/// `plastic-unet regress`: golden-file regression cases.
package struct RegressCommand: ParsableCommand {
    /// The group and its subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Record and check golden-file regression cases: a recipe or a model file, and its expected numbers.",
        discussion: """
        A case is one JSON file (schemas/golden-v1.schema.json; a case over seeds, golden-v2): a recipe (the full training config and \
        the data folder with its fingerprint, or a model file with its sha256), tolerances, and the \
        expected results: the loss and validation score of every epoch, the score at threshold 0.5 and \
        the best threshold in each trace mode (stored, zero, online) on the validation images, the \
        precision per IoU threshold, a summary of every tensor (shape, sum, L2 norm, min, max, sha256 of \
        its bytes) and the probabilities of a few fixed pixels. Paths in a case are relative to its file.

        record writes a case, check re-runs cases and compares every field (on every kernel path with \
        --kernels all), update rewrites the expected results of cases after an intended change. A failed \
        check leaves its obtained results beside the case: review lists them, accept makes them the \
        expected results without running the case again, reject removes them.

        CI mode (--ci, or the environment variable CI=true, which CI runners set): record, update and \
        accept refuse to write cases (exit 2); check still writes the obtained results, for the CI's \
        artifacts.
        """,
        subcommands: [RegressRecordCommand.self, RegressCheckCommand.self, RegressReviewCommand.self,
                      RegressAcceptCommand.self, RegressRejectCommand.self, RegressUpdateCommand.self]
    )

    /// Creates the command (for the argument parser).
    package init() {}
}

/// The options `regress check` and `regress update` share: the cases and the threads.
package struct CaseSelection: ParsableArguments {
    /// The case files and folders.
    @Argument(help: ArgumentHelp("Case files, or folders whose *.json files are cases.", valueName: "path"))
    package var paths: [String]

    /// The names of the cases to run.
    @Option(help: ArgumentHelp("Only the case of this name (repeatable).", valueName: "name"))
    package var `case`: [String] = []

    /// The number of threads.
    @Option(help: ArgumentHelp(PredictionOptions.threadsHelp))
    package var threads: Int?

    /// Options as the parser fills them.
    package init() {}

    /// Refuses fewer than one thread.
    package func validate() throws {
        try ThreadCountRule.check(threads)
    }
}
