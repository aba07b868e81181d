import ArgumentParser
import ModelFile
import PlasticUNetCLI

/// The `plastic-unet` command: it only lists the subcommands.
@main
struct PlasticUNetTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plastic-unet",
        abstract: "Plastic U-Nets for seismic salt segmentation: train, evaluate, compare and check models and data.",
        version: PlasticUNetVersion.current,
        subcommands: [InitCommand.self, TrainCommand.self, EvaluateCommand.self, DiffCommand.self, PredictCommand.self,
                      ScoreCommand.self, InspectCommand.self, ValidateCommand.self, DataCommand.self]
    )

    static func main() {
        CommandLineEntry.run(self)
    }
}
