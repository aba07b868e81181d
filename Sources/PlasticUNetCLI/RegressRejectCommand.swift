import ArgumentParser
import Foundation
import Regression

/// `plastic-unet regress reject`: removes pending obtained results.
package struct RegressRejectCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Remove the pending obtained results of cases; the cases stay as they are.",
        discussion: """
        Removes CASE.obtained.json of each named case (or, with --all, every pending file, those \
        without a case among them). Allowed in CI mode: it writes no case.

        Exit codes: 0 removed; 2 no pending result for a name, or a file that cannot be removed.
        """)

    /// The cases and where to look.
    @OptionGroup package var selection: PendingSelection

    /// A command as the parser fills it.
    package init() {}

    /// Removes every selected pending result.
    package func run() throws {
        for result in try selection.pending() {
            try result.reject()
            print("rejected \(result.name): removed \(result.obtainedFile.path)")
        }
    }
}
