import ArgumentParser
import Foundation

/// `plastic-unet inspect`: shows what an HDF5 file holds.
package struct InspectCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the objects of a model file (or of any HDF5 file) and what they take.",
        discussion: """
        Names what the file is (a model file, a training output of the original PyTorch \
        implementation, a state_dict written by export --torch, or another HDF5 file), then \
        lists every group and dataset with its dtype, shape, chunks, filters and \
        attributes (a JSON attribute such as config is shown indented), then the \
        datasets, elements and bytes per top-level group and in total, and the number of \
        trainable parameters (the elements of /parameters and /plastic). Reads no data, so \
        it does not verify checksums: use validate for that.

        Exit codes: 0 shown; 2 the file cannot be read.
        """)

    /// The file to inspect.
    @Argument(help: "The HDF5 file to inspect.")
    package var file: String

    /// Whether to print JSON.
    @Flag(help: "Print the same information as one JSON object (keys sorted).")
    package var json = false

    /// A command with the defaults; the parser fills the options.
    package init() {}

    /// Prints the inspection.
    package func run() throws {
        let inspection = try FileInspection(url: URL(fileURLWithPath: file))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
        } else {
            print(inspection.text())
        }
    }
}
