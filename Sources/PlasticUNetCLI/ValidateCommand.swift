import ArgumentParser
import Foundation
import HDF5Kit
import ModelFile

/// `plastic-unet validate`: checks a model file against the format's schema.
package struct ValidateCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a model file against the model file schema (schemas/model-v1.json).",
        discussion: """
        Reads every dataset in full, so that every chunk's checksum is verified, and checks \
        names, shapes, dtypes, storage and attributes against the schema, and the seal that \
        the program writes into every file (a CRC-32 of its bytes). Prints "valid" ("valid, \
        without a seal" for a file from another program or an older version), or one line \
        "<object path>: <problem>" per violation, a seal that no longer matches the bytes \
        first.

        Exit codes: 0 valid; 1 the file departs from the schema; 2 the file cannot be \
        checked (missing, not HDF5, not a model file, damaged, or a checksum mismatch, \
        named on one line).
        """)

    /// The file to check.
    @Argument(help: "The model file to check.")
    package var file: String

    /// A command with the defaults; the parser fills the argument.
    package init() {}

    /// Checks the file and prints the verdict.
    package func run() throws {
        let stored = try ProgramReading.commands.read(URL(fileURLWithPath: file))
        let violations = try ModelFileValidator.validate(stored)
        guard !violations.isEmpty else {
            print(stored.bytes.seal == .absent ? "valid, without a seal (written by another program or an older version)"
                                        : "valid")
            return
        }
        violations.forEach { print($0) }
        throw ExitCode(1)
    }
}
