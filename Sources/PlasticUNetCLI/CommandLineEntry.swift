import ArgumentParser
import Foundation

/// Runs the command line with the exit codes every subcommand documents.
///
/// - 0: success (and `--help`).
/// - 1: a checking command found a problem or a difference (the command throws
///   `ExitCode(1)` after printing what it found).
/// - 2: anything that stopped the command: a usage error, or a thrown error, printed as one
///   line `plastic-unet: error: <description>` on standard error (a usage error adds a
///   pointer to `--help` instead of the whole usage text).
package enum CommandLineEntry {
    /// Sets the allocator (``AllocatorSettings``), parses `arguments` with `root`, runs the
    /// chosen subcommand and exits the process.
    package static func run(_ root: any ParsableCommand.Type,
                           arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        AllocatorSettings.apply()
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                print(root.fullMessage(for: error))
                exit(0)
            }
            let message = code == .validationFailure ? root.message(for: error) + " (see --help)" : "\(error)"
            printError(message)
            exit(2)
        }
    }

    /// Writes `message` to standard error as one line, `plastic-unet: error: <message>`:
    /// line breaks inside it (a name read from a damaged file may hold some) are written
    /// escaped, `\n`.
    package static func printError(_ message: String) {
        let line = "plastic-unet: error: " + message.oneLine + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

private extension String {
    /// The text without the line breaks at its end, and with those inside it escaped.
    var oneLine: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }
}
