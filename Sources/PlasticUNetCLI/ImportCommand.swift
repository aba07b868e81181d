import ArgumentParser
import Checksums
import Foundation
import HDF5Kit
import Interop
import ModelFile
import PlasticUNet

/// `plastic-unet import`: makes a model file from a PyTorch state_dict.
package struct ImportCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a model file from a PyTorch state_dict of the original module (HDF5).",
        discussion: """
        The source is a flat HDF5 file as `export --torch` writes it, or as h5py writes a \
        state_dict: one float32 dataset per key at the root, in PyTorch's shapes, and \
        optionally the trace as hebb (without it the trace starts at zero). The width comes \
        from conv1.dconv.0.weight, the size S from w; every key and shape is checked \
        against the model that --rule and --alpha describe, and the first one that is \
        missing, unexpected, of the wrong shape or not finite is named. A state_dict does \
        not say how the model learns: give --rule, --alpha, --trace-rows and --learn-eta \
        as the model was made (the eta sensitivity of --learn-eta starts at zero).

        The result is a new, untrained model of this program: config epochs 0, the \
        source's sha256 recorded as the model the run starts from, fresh optimizer state. \
        `train --init` and `evaluate --split all` take it. With --original-history the \
        model file also keeps the losses of the original implementation's training output \
        (train_data.hdf5: train/all_losses and the one-dimensional series under \
        validation/) under /history/original, apart from this program's history. An \
        existing output file is replaced atomically.

        Exit codes: 0 written; 2 a bad option, a source that cannot be read or does not fit \
        (named on one line), or an output that cannot be written (the existing output is \
        then left as it was).
        """)

    /// The source file.
    @Argument(help: ArgumentHelp("The state_dict file (flat HDF5).", valueName: "torch.h5"))
    package var source: String

    /// The plasticity rule.
    @Option(help: "The plasticity rule of the model: none, hebb or oja.")
    package var rule: PlasticityRule

    /// Free or yoked alpha.
    @Option(help: "How alpha is shared: free (alpha is S x S) or yoked (one element); needed for rule hebb or oja.")
    package var alpha: AlphaKind?

    /// The rows that feed the trace.
    @Option(help: "The rows of the head's input that update the trace: all, or first (the original's behaviour).")
    package var traceRows: TraceRows = .all

    /// Whether eta is learnt.
    @Flag(help: "Give eta its exact gradient when the model trains on (needs rule hebb or oja).")
    package var learnEta = false

    /// The original's training output whose losses the model keeps.
    @Option(help: ArgumentHelp("""
        A training output of the original PyTorch implementation (train_data.hdf5) whose losses the model \
        file keeps under /history/original: train/all_losses and the validation series.
        """, valueName: "file.hdf5"))
    package var originalHistory: String?

    /// The model file to write.
    @Option(help: "The model file to write (replaced atomically when it exists).")
    package var out: String

    /// A command with the defaults; the parser fills the options.
    package init() {}

    /// Refuses an empty output path and --learn-eta without a rule.
    package func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a file") }
        if learnEta && rule == .none { throw ValidationError("--learn-eta needs rule hebb or oja") }
        if alpha == nil && rule != .none { throw ValidationError("--alpha free or yoked is needed for rule \(rule)") }
    }

    /// Reads the source, checks it and writes the model file.
    package func run() throws {
        let stored = try ProgramReading.commands.read(URL(fileURLWithPath: source), name: source)
        let stateDict = try TorchStateDict.read(stored)
        let options = TorchImportOptions(rule: rule, alpha: alpha ?? .free, traceRows: traceRows, learnEta: learnEta)
        var contents = try TorchImport.contents(of: stateDict, file: source, sourceSHA256: SHA256.hash(stored.bytes.bytes).hex,
                                                options: options)
        if let originalHistory {
            contents.originalHistory = try Self.history(originalHistory, size: contents.configuration.model.size)
        }
        try ModelFileWriter.write(contents, to: URL(fileURLWithPath: out))
        let model = contents.configuration.model
        var summary = "wrote \(out): rule \(model.rule), alpha \(model.alpha), width \(model.width), size \(model.size), "
        summary += "\(contents.parameters.scalarCount.groupedDigits) parameters, "
        summary += stateDict.trace == nil ? "zero trace" : "trace from hebb"
        if let history = contents.originalHistory {
            let series = history.validation.map(\.name)
            summary += ", the original's \(history.trainLoss.count) training losses and validation series "
            summary += series.isEmpty ? "none" : series.joined(separator: ", ")
        }
        print(summary)
    }

    /// The original's losses from the file at `path`, which must be of a model of `size`.
    private static func history(_ path: String, size: Int) throws -> OriginalHistoryRecord {
        let stored = try ProgramReading.commands.read(URL(fileURLWithPath: path), name: path)
        let output = try OriginalTrainingOutput(stored)
        guard output.size == size else {
            throw CommandError.otherOriginalSize(file: path, size: output.size, stateDictSize: size)
        }
        return output.history(sourceSHA256: SHA256.hash(stored.bytes.bytes).hex)
    }
}
