import ArgumentParser
import Foundation
import Regression

/// `plastic-unet regress review`: lists the results that failed checks left pending.
package struct RegressReviewCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List the obtained results that failed checks left beside their cases.",
        discussion: """
        Runs nothing. For every CASE.obtained.json in the case files' folders and the folders given \
        (default: the current folder), prints its case, how many fields moved beyond the case's \
        tolerance and the table of the worst of them, as check prints it; and the pending files whose \
        case no longer exists. Then accept makes the obtained results the expected ones, reject removes \
        them.

        Exit codes: 0 nothing is pending; 1 something is pending; 2 a path that does not exist, or a \
        pending file or case that cannot be read.
        """)

    /// The case files and folders.
    @Argument(help: ArgumentHelp("Case files, or folders of cases. (default: the current folder)",
                                 valueName: "path"))
    package var paths: [String] = []

    /// A command as the parser fills it.
    package init() {}

    /// Prints every pending result and exits 1 when there is one.
    package func run() throws {
        let pending = try PendingResult.find(at: paths.isEmpty ? ["."] : paths)
        for result in pending {
            for line in PendingReviewText.lines(of: result) { print(line) }
        }
        print(pending.isEmpty ? "nothing pending" : "\(pending.count) pending")
        if !pending.isEmpty { throw ExitCode(1) }
    }
}
