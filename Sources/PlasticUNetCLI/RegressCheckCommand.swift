import ArgumentParser
import Foundation
import Regression

/// `plastic-unet regress check`: re-runs cases and compares their results.
package struct RegressCheckCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run golden cases and compare every field with its expected value.",
        discussion: """
        Runs each case (trains its recipe, or evaluates its model file) and compares every field of the \
        results with the expected one: integers, shapes and names exactly, numbers within the case's \
        tolerance (|a - b| <= atol + rtol * max(|a|, |b|), NaN equals NaN; the longest matching field \
        prefix in tolerances.fields wins over the default), and the tensors' byte hashes when the case is \
        exact. Prints one line per case: pass, or the number of fields out of tolerance and a table of the \
        worst of them; writes CASE.obtained.json beside a failed case (and removes it when the case \
        passes). A case recorded by another version of the program says so, which is no failure.

        Exit codes: 0 every case passes; 1 a case has fields out of tolerance; 2 a case could not be \
        checked (an unreadable case, a missing data folder or model file, data with another fingerprint, \
        a model file with another sha256).
        """)

    /// The cases and threads.
    @OptionGroup package var selection: CaseSelection

    /// A command as the parser fills it.
    package init() {}

    /// Checks every case, prints what each gives, and exits 1 or 2 when one fails.
    package func run() throws {
        let reading = ProgramReading.commands
        let outcome = try CaseLoop.run(selection) { golden, url, kernels in
            let check = try RegressionRun.check(golden, at: url, kernels: kernels, reading: reading)
            for line in CaseCheckText.lines(of: check) { print(line) }
            return check.comparison.passed
        }
        print(outcome.summary(verb: "passed"))
        if outcome.errors > 0 { throw ExitCode(2) }
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}
