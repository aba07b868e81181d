import ArgumentParser
import Foundation
import TGSData
import TGSFiles

/// `plastic-unet data check`: lists every problem of a data folder.
package struct DataCheckCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every problem of a data folder, one per line.",
        discussion: """
        Each line is `ID: PROBLEM` or `FILE:LINE: PROBLEM`, worded as training and \
        evaluation word it when they refuse the folder.

        Exit codes: 0 no problem; 1 problems found (listed on standard output); 2 not a \
        data folder (no train.csv).
        """
    )

    /// The data folder.
    @Argument(help: ArgumentHelp("The data folder (holding train.csv).", valueName: "dir"))
    var directory: String

    /// Creates the command (for the argument parser).
    package init() {}

    /// Checks the folder and prints what it found.
    package func run() throws {
        let problems = try DataSetChecker.check(URL(fileURLWithPath: directory))
        guard !problems.isEmpty else {
            print("\(directory): no problems")
            return
        }
        for problem in problems { print(problem) }
        print("\(directory): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        throw ExitCode(1)
    }
}
