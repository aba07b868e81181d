import ArgumentParser
import Foundation
import TGSData

/// `plastic-unet data masks`: writes the masks of train.csv as images.
package struct DataMasksCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "masks",
        abstract: "Write the masks of train.csv as PNG images (0 and 255).",
        discussion: """
        Decodes every rle_mask of DIR/train.csv and writes OUT/ID.png (8-bit). The side \
        S is that of the first image found in DIR/train/images, or --size when there is \
        none. Every mask is decoded before the first file is written.

        Exit codes: 0 written; 2 not a data folder, a table or mask could not be read, \
        or a file could not be written.
        """
    )

    /// The data folder and the fallback side.
    @OptionGroup var table: TrainTableOptions

    /// The output folder.
    @Option(help: ArgumentHelp("The folder to write the mask images to (created if needed).", valueName: "dir"))
    var out: String

    /// Creates the command (for the argument parser).
    package init() {}

    /// Decodes the masks and writes them.
    package func run() throws {
        let masks = try table.readMasks()
        try masks.writeMaskImages(to: URL(fileURLWithPath: out))
        print("wrote \(masks.entries.count) masks of \(masks.size) x \(masks.size) to \(out)")
    }
}
