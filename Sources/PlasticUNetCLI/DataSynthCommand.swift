import ArgumentParser
import Foundation
import TGSData
import TGSFiles

/// `plastic-unet data synth`: writes a synthetic data folder.
package struct DataSynthCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic seismic data set in the TGS layout.",
        discussion: """
        Writes train/images/ID.png (8-bit), train/masks/ID.png (0/255), depths.csv and \
        train.csv into --out. The same count, size and seed always give the same files, \
        and image i does not depend on the count.

        Exit codes: 0 written; 2 bad options or a file could not be written.
        """
    )

    /// The folder to write.
    @Option(help: ArgumentHelp("The folder to write; it is created and must not hold files yet.", valueName: "dir"))
    var out: String

    /// The number of images.
    @Option(help: "The number of images.")
    var count: Int = 48

    /// The image side.
    @Option(help: "The side S of the square images, in pixels (16 to 4096).")
    var size: Int = 101

    /// The seed.
    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 1

    /// Creates the command (for the argument parser).
    package init() {}

    /// Checks the options.
    package func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1, got \(count)") }
        try DataCommand.validateSize(size)
    }

    /// Generates and writes the images.
    package func run() throws {
        let generator = SyntheticSeismic(size: size, seed: seed)
        try DataSetWriter.write((0..<count).lazy.map(generator.sample(number:)), to: URL(fileURLWithPath: out))
        print("wrote \(count) images of \(size) x \(size) (seed \(seed)) to \(out)")
    }
}
