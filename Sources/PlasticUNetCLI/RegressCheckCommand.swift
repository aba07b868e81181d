import ArgumentParser
import Foundation
import Kernels
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
        passes), which review shows and accept takes as the new expected results. A case recorded by \
        another version of the program says so, which is no failure.

        --kernels all runs every case on every kernel path this CPU has, each in a child process of its \
        own (PLASTIC_UNET_KERNELS=avx512|avx2|portable; the path is chosen once per process), prints each \
        child's lines after its path, and also fails when two paths give any field differently, naming \
        the paths and the fields: every path must give the same bits. For the tests of that comparison \
        only, the environment variable \(KernelPerturbation.variable)=PATH makes the checks on that path \
        nudge one obtained number (the stored trace mode's score) to the next double up; never set it \
        otherwise.

        Exit codes: 0 every case passes (on every path); 1 a case has fields out of tolerance, or two \
        paths disagree; 2 a case could not be checked (an unreadable case, a missing data folder or model \
        file, data with another fingerprint, a model file with another sha256, a kernel path this CPU \
        lacks).
        """)

    /// The cases and threads.
    @OptionGroup package var selection: CaseSelection

    /// The kernel paths to run on, each in a child process.
    @Option(help: ArgumentHelp("""
        Run every case on each of these kernel paths, one child process each, and fail when two paths \
        disagree: all (every path this CPU has) or a comma-separated list of avx512, avx2, portable.
        """, valueName: "paths"))
    package var kernels: String?

    /// Where a child of `--kernels` writes every case's obtained results, instead of beside the cases.
    @Option(help: .hidden)
    package var obtainedTo: String?

    /// CI mode, which check honours by writing only obtained results, as it always does.
    @OptionGroup package var ciMode: CIModeOption

    /// A command as the parser fills it.
    package init() {}

    /// Refuses kernel path names that do not exist.
    package func validate() throws {
        if let kernels, kernels != KernelPathsCheck.everyPath {
            for name in kernels.split(separator: ",", omittingEmptySubsequences: false)
            where KernelPath(rawValue: String(name)) == nil {
                throw ValidationError("--kernels: \(name) is not all, avx512, avx2 or portable")
            }
        }
    }

    /// Checks every case, prints what each gives, and exits 1 or 2 when one fails.
    package func run() throws {
        if let kernels {
            let status = try KernelPathsCheck(selection: selection, paths: try KernelPathsCheck.paths(kernels)).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let reading = ProgramReading.commands
        let outcome = try CaseLoop.run(selection) { golden, url, kernels in
            var obtained = try CaseRunner.run(golden, at: url, kernels: kernels, reading: reading)
            KernelPerturbation.apply(to: &obtained)
            let check = try RegressionRun.check(golden, at: url, obtained: obtained, besideTheCase: obtainedTo == nil)
            if let obtainedTo {
                try KernelPathsCheck.write(RegressionRun.record(of: golden, obtained: obtained), of: url,
                                           into: URL(fileURLWithPath: obtainedTo))
            }
            for line in CaseCheckText.lines(of: check) { print(line) }
            return check.comparison.passed
        }
        print(outcome.summary(verb: "passed"))
        if outcome.errors > 0 { throw ExitCode(2) }
        if outcome.failed > 0 { throw ExitCode(1) }
    }
}

/// The test-only switch of `regress check --kernels`: the environment variable names a
/// kernel path whose checks nudge one obtained number, so that the tests see a
/// disagreement between paths caught.
enum KernelPerturbation {
    /// The environment variable.
    static let variable = "PLASTIC_UNET_TEST_PERTURB_KERNELS"

    /// Moves the first run's stored trace mode's score to the next double up when this
    /// process runs the path the variable names.
    static func apply(to runs: inout [GoldenRun]) {
        guard ProcessInfo.processInfo.environment[variable] == KernelPath.selected.rawValue, !runs.isEmpty,
              let score = runs[0].results.evaluation["stored"]?.score else { return }
        runs[0].results.evaluation["stored"]?.score = score.nextUp
    }
}
