import ArgumentParser
import Foundation
import Regression

/// `plastic-unet regress update`: rewrites the expected results of cases.
package struct RegressUpdateCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Re-run golden cases and make what they give their expected results.",
        discussion: """
        For an intended change of the numbers: runs each case and rewrites its file with the results \
        obtained and this program's version, keeping its recipe and tolerances. Prints, per case, how many \
        fields changed beyond the tolerance. A case whose data or model file is not the recorded one is \
        left as it is. Never part of a CI job: that is what check is for, and CI mode (--ci, or CI=true) \
        refuses update. When a check has already obtained the new results, accept takes them without \
        running the cases again.

        Exit codes: 0 every case updated; 2 a case could not be run or written, or CI mode.
        """)

    /// The cases and threads.
    @OptionGroup package var selection: CaseSelection

    /// CI mode.
    @OptionGroup package var ciMode: CIModeOption

    /// A command as the parser fills it.
    package init() {}

    /// Updates every case and prints what changed.
    package func run() throws {
        try ciMode.refuseWriting("regress update")
        let reading = ProgramReading.commands
        let outcome = try CaseLoop.run(selection) { golden, url, kernels in
            let changes = try RegressionRun.update(golden, at: url, kernels: kernels, reading: reading)
            print("updated \(url.path): \(changes.failureCount) of \(changes.fieldCount) fields changed")
            return true
        }
        print(outcome.summary(verb: "updated"))
        if outcome.errors > 0 { throw ExitCode(2) }
    }
}
