import ArgumentParser
import ModelFile
import PlasticUNetCLI

/// The `plastic-unet` command: it only lists the subcommands.
@main
struct PlasticUNetTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plastic-unet",
        abstract: "Plastic U-Nets for seismic salt segmentation: train, evaluate, diff and regress.",
        version: PlasticUNetVersion.current,
        subcommands: [InitCommand.self, TrainCommand.self, EvaluateCommand.self, DiffCommand.self, GitDiffCommand.self, RegressCommand.self,
                      ReproduceCommand.self, PredictCommand.self, ScoreCommand.self, InspectCommand.self, ValidateCommand.self,
                      DataCommand.self, ExportCommand.self, ImportCommand.self, SweepCommand.self, BenchCommand.self, HDF5ProbeCommand.self]
    )

    static func main() {
        CommandLineEntry.run(self)
    }
}
