import ArgumentParser
import Foundation
import Interop
import ModelFile
import PlasticUNet

/// `plastic-unet export`: writes a model in another program's format.
package struct ExportCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a model as a PyTorch state_dict (HDF5) or as an ONNX graph.",
        discussion: """
        --torch writes a flat HDF5 file: at its root one float32 dataset per state_dict key \
        of the original PyTorch module (conv1.dconv.0.weight ... outc.conv.bias, w, alpha, \
        eta), in PyTorch's shapes, and the trace as the dataset hebb (its attribute samples \
        counts the updates behind it). In Python: \
        state = {k: torch.from_numpy(f[k][()]) for k in f if k != "hebb"}. \
        The optimizer state, the history and the eta sensitivity of --learn-eta are not \
        exported. `plastic-unet import` reads the file back.

        --onnx writes the whole network as a standard ONNX graph (opset 17): its input \
        image is float32 [N, 1, S, S], the images as predict feeds them (value / (2^bits - \
        1)), and its output probabilities has the same shape. --trace fixes the trace as \
        predict's option does: stored (the model's trace as a constant), zero (no plastic \
        term), or online: then the graph takes one image and the trace as a second input, \
        trace [S, S], and gives the next trace as a second output, next_trace, so that a \
        runtime carries it from image to image (start from the model's trace, /trace/hebb). \
        The file's metadata names the rule, alpha, width, size, trace rows and trace mode.

        Existing output files are replaced atomically.

        Exit codes: 0 written; 2 a bad option, a model file that cannot be read, or an \
        output that cannot be written (the existing output is then left as it was).
        """)

    /// The model file.
    @Argument(help: "The model file to export.")
    package var model: String

    /// The state_dict file to write.
    @Option(help: ArgumentHelp("Write the state_dict and the trace to this flat HDF5 file.", valueName: "file.h5"))
    package var torch: String?

    /// The ONNX file to write.
    @Option(help: ArgumentHelp("Write the network as an ONNX graph to this file.", valueName: "file.onnx"))
    package var onnx: String?

    /// The trace mode of the ONNX graph.
    @Option(help: """
        The trace of the ONNX graph: stored (the model's, frozen), zero (no plastic term) or online \
        (an input and an output of the graph). Only with --onnx. (default: stored)
        """)
    package var trace: TraceMode?

    /// A command with the defaults; the parser fills the options.
    package init() {}

    /// Needs at least one output, and --trace only with --onnx.
    package func validate() throws {
        if torch == nil && onnx == nil { throw ValidationError("give --torch FILE, --onnx FILE or both") }
        if torch?.isEmpty == true || onnx?.isEmpty == true { throw ValidationError("an output must name a file") }
        if trace != nil && onnx == nil { throw ValidationError("--trace applies to --onnx only") }
        let outputs = [torch, onnx].compactMap { $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if outputs.contains(URL(fileURLWithPath: model).standardizedFileURL.path) {
            throw ValidationError("an output would replace the model file \(model)")
        }
        if outputs.count == 2 && outputs[0] == outputs[1] { throw ValidationError("--torch and --onnx name one file") }
    }

    /// Reads the model and writes each output.
    package func run() throws {
        let contents = try ModelFiles().model(model).contents
        if let torch {
            let stateDict = try TorchStateDict(exporting: contents)
            try stateDict.write(to: URL(fileURLWithPath: torch))
            print("wrote \(torch): \(stateDict.entries.count) state_dict tensors"
                  + (stateDict.trace == nil ? "" : " and the trace (hebb)"))
        }
        if let onnx {
            let mode = trace ?? .stored
            try ONNXExport.write(contents, trace: mode, to: URL(fileURLWithPath: onnx))
            let traceText = contents.configuration.model.isPlastic ? "\(mode)" : "none (rule none)"
            print("wrote \(onnx): ONNX opset \(ONNXExport.opsetVersion), trace \(traceText)")
        }
    }
}
