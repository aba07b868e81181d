import ArgumentParser
import Foundation
import TGSData
import TGSFiles

/// `plastic-unet data stats`: the coverage statistics of a data folder.
package struct DataStatsCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the number of samples, the empty fraction, the coverage classes and the depths.",
        discussion: """
        Works from train.csv alone: the masks are decoded from rle_mask. The side S is \
        that of the first image found in train/images, or --size when there is none. \
        Coverage class c = ceil(10 * salt pixels / S^2), 0 to 10.

        Exit codes: 0 shown; 2 not a data folder, or a table or mask could not be read.
        """
    )

    /// The data folder and the fallback side.
    @OptionGroup var table: TrainTableOptions

    /// Whether to print JSON.
    @Flag(help: "Print one JSON object (sorted keys) instead of text.")
    var json = false

    /// Creates the command (for the argument parser).
    package init() {}

    /// Reads the masks and prints their statistics.
    package func run() throws {
        let statistics = DataStatistics(try table.readMasks())
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
        } else {
            print(Self.text(of: statistics))
        }
    }

    /// The statistics as lines of text.
    static func text(of statistics: DataStatistics) -> String {
        let source = statistics.sizeSource == .images ? "from the images" : "from --size, no image found"
        let depths = if let low = statistics.depthMinimum, let high = statistics.depthMaximum {
            "\(statistics.depthCount) samples, \(number(low)) to \(number(high))"
        } else {
            "none"
        }
        return """
        samples: \(statistics.count)
        size: \(statistics.size) x \(statistics.size) (\(source))
        empty: \(statistics.emptyCount) (\(String(format: "%.2f", 100 * statistics.emptyFraction))%)
        coverage classes 0..10: \(statistics.coverageClasses.map(String.init).joined(separator: " "))
        depth: \(depths)
        """
    }

    /// `value` without a fractional part when it has none.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
