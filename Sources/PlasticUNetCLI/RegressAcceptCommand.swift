import ArgumentParser
import Foundation
import Regression

/// `plastic-unet regress accept`: makes pending obtained results the expected ones.
package struct RegressAcceptCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Make the pending obtained results of cases their expected results, without running them.",
        discussion: """
        For an intended change that check has already shown: each named case (or, with --all, every \
        case with a pending CASE.obtained.json) takes the results its last failed check obtained, and \
        the program version that obtained them; its recipe and tolerances stay. The pending file must \
        belong to the case (the same name, recipe, data fingerprint or model sha256, and exactness) and \
        is removed. Review first with review.

        Exit codes: 0 accepted; 2 no pending result for a name, a pending file of another case or \
        without its case, a file that cannot be written, or CI mode.
        """)

    /// The cases and where to look.
    @OptionGroup package var selection: PendingSelection

    /// CI mode.
    @OptionGroup package var ciMode: CIModeOption

    /// A command as the parser fills it.
    package init() {}

    /// Accepts every selected pending result.
    package func run() throws {
        try ciMode.refuseWriting("regress accept")
        for result in try selection.pending() {
            let changes = result.comparison
            let golden = try result.accept()
            print("accepted \(golden.name) into \(result.caseFile?.path ?? "")"
                  + (changes.map { ": \($0.failureCount) of \($0.fieldCount) fields changed" } ?? ""))
        }
    }
}
