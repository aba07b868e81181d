import ArgumentParser
import Foundation
import TGSData
import TGSFiles

/// `plastic-unet data`: the commands about data folders in the TGS layout.
package struct DataCommand: ParsableCommand {
    /// The group and its subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Make, inspect and check data folders in the TGS Salt layout.",
        discussion: """
        A data folder holds train.csv (id,rle_mask), optionally depths.csv (id,z), \
        train/images/ID.png and optionally train/masks/ID.png.
        """,
        subcommands: [DataSynthCommand.self, DataStatsCommand.self, DataMasksCommand.self, DataCheckCommand.self]
    )

    /// The image sides the data commands accept.
    static let sizeRange = DataSet.minimumSize...4096

    /// Throws a ``ValidationError`` unless `size` is in ``sizeRange``.
    static func validateSize(_ size: Int) throws {
        guard sizeRange.contains(size) else {
            throw ValidationError("--size must be between \(sizeRange.lowerBound) and \(sizeRange.upperBound), got \(size)")
        }
    }

    /// Creates the command (for the argument parser).
    package init() {}
}

/// The data folder and the fallback side of the commands that work from `train.csv`
/// alone (`data stats`, `data masks`).
package struct TrainTableOptions: ParsableArguments {
    /// The data folder.
    @Argument(help: ArgumentHelp("The data folder (holding train.csv).", valueName: "dir"))
    var directory: String

    /// The side used when no image is present.
    @Option(help: "The side S of the masks when the folder has no image to take it from (16 to 4096).")
    var size: Int = 101

    /// Creates the options (for the argument parser).
    package init() {}

    /// Checks `--size`.
    package func validate() throws {
        try DataCommand.validateSize(size)
    }

    /// The masks decoded from the folder's `train.csv`.
    func readMasks() throws -> TrainMasks {
        try TrainMasks(from: URL(fileURLWithPath: directory), defaultSize: size)
    }
}
