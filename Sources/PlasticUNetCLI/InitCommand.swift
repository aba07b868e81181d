import ArgumentParser
import Foundation
import ModelFile
import PlasticUNet
import Training

/// `plastic-unet init`: writes a new, untrained model file.
package struct InitCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new, untrained model file.",
        discussion: """
        The file holds the initial parameters drawn from the seed (the same seed gives a \
        byte-identical file), a zero trace, Adam at step 0 and the configuration with \
        epochs 0. An existing file at --out is replaced atomically: the new file is \
        written next to it and renamed over it only once it is complete.

        Exit codes: 0 the file was written; 2 a bad option, or the file cannot be written.
        """)

    /// The architecture.
    @OptionGroup package var architecture: ArchitectureOptions

    /// The image size S.
    @Option(help: """
        The image size S: the model takes S x S images \
        (\(ModelConfiguration.sizeRange.lowerBound)...\(ModelConfiguration.sizeRange.upperBound)).
        """)
    package var size = 101

    /// The seed.
    @Option(help: "The seed of every random stream; the initial parameters depend on it alone.")
    package var seed: UInt64 = 1

    /// The output file.
    @Option(help: "The model file to write (replaced atomically when it exists).")
    package var out: String

    /// A command with the defaults; the parser fills the options.
    package init() {}

    /// Refuses an empty output path and an unusable architecture.
    package func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a file") }
        if let problem = architecture.configuration(size: size).problem { throw ValidationError(problem) }
    }

    /// Writes the file and prints one line about it.
    package func run() throws {
        let model = architecture.configuration(size: size)
        let configuration = RunConfiguration(model: model, training: TrainingOptions(seed: seed, epochs: 0))
        let contents = ModelFileContents.untrained(configuration: configuration)
        try ModelFileWriter.write(contents, to: URL(fileURLWithPath: out))
        let count = contents.parameters.scalarCount.groupedDigits
        print("wrote \(out): rule \(model.rule), alpha \(model.alpha), width \(model.width), size \(model.size), "
              + "seed \(seed), \(count) parameters")
    }
}
