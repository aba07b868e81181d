import ArgumentParser
import PlasticUNetCLI

/// The `plastic-unet` command: it only lists the subcommands.
@main
struct PlasticUNetTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plastic-unet",
        abstract: "Plastic U-Nets for seismic salt segmentation: train, evaluate, diff and regress.",
        subcommands: [DataCommand.self]
    )

    static func main() {
        CommandLineEntry.run(self)
    }
}
