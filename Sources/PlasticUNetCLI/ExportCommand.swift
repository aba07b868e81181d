import ArgumentParser
import Foundation
import Interop
import ModelFile

/// `plastic-unet export`: writes a model in another program's format.
public struct ExportCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a model as a PyTorch state_dict (HDF5) for the original module.",
        discussion: """
        --torch writes a flat HDF5 file: at its root one float32 dataset per state_dict key \
        of the original PyTorch module (conv1.dconv.0.weight ... outc.conv.bias, w, alpha, \
        eta), in PyTorch's shapes, and the trace as the dataset hebb (its attribute samples \
        counts the updates behind it). In Python: \
        state = {k: torch.from_numpy(f[k][()]) for k in f if k != "hebb"}. \
        The optimizer state, the history and the eta sensitivity of --learn-eta are not \
        exported. `plastic-unet import` reads the file back. An existing output file is \
        replaced atomically.

        Exit codes: 0 written; 2 a bad option, a model file that cannot be read, or an \
        output that cannot be written (the existing output is then left as it was).
        """)

    /// The model file.
    @Argument(help: "The model file to export.")
    public var model: String

    /// The state_dict file to write.
    @Option(help: ArgumentHelp("The flat HDF5 file to write the state_dict and trace to.", valueName: "file.h5"))
    public var torch: String

    /// A command with the defaults; the parser fills the options.
    public init() {}

    /// Refuses an empty output path.
    public func validate() throws {
        if torch.isEmpty { throw ValidationError("--torch must name a file") }
    }

    /// Reads the model and writes the state_dict.
    public func run() throws {
        let contents = try ModelFileReader.read(URL(fileURLWithPath: model))
        let stateDict = try TorchStateDict(exporting: contents)
        try stateDict.write(to: URL(fileURLWithPath: torch))
        print("wrote \(torch): \(stateDict.entries.count) state_dict tensors"
              + (stateDict.trace == nil ? "" : " and the trace (hebb)"))
    }
}
