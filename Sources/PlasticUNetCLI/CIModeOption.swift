import ArgumentParser
import Foundation

/// CI mode: on with `--ci`, or when the environment variable `CI` is `true` (as CI runners
/// set it), the commands that write golden cases refuse to.
package struct CIModeOption: ParsableArguments {
    /// `--ci`.
    @Flag(name: .customLong("ci"), help: """
        CI mode (also on when the environment variable CI is true): record, update and accept refuse \
        to write cases; check still writes the obtained results, for the CI's artifacts.
        """)
    package var flag = false

    /// Options as the parser fills them.
    package init() {}

    /// Whether CI mode is on.
    package var isOn: Bool { flag || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Refuses, in CI mode, to let `command` write a case.
    /// - Throws: ``CommandError/refusedInCI(command:)`` in CI mode.
    package func refuseWriting(_ command: String) throws {
        if isOn { throw CommandError.refusedInCI(command: command) }
    }
}
