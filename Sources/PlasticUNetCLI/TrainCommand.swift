import ArgumentParser
import FileOutput
import Foundation
import ModelFile
import PlasticUNet
import TGSData
import TGSFiles
import Training

extension TraceMode: ExpressibleByArgument {}

/// `plastic-unet train`: trains a plastic U-Net and saves it as a model file.
package struct TrainCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a plastic U-Net and save it as a model file.",
        discussion: """
        Training is deterministic: the same data, seed and options give a byte-identical model \
        file, whatever --threads says. The model file is rewritten (atomically) at the end of \
        every epoch, so it always holds the last complete epoch; it holds everything needed to \
        evaluate the model and to continue its training exactly with --resume.

        Three ways to start: from a new model drawn from --seed (the default); from the \
        parameters of another model file (--init FILE, whose architecture is used); or from a \
        checkpoint (--resume FILE, which continues the run it holds up to --epochs). \
        --config-from FILE repeats the run recorded in FILE's config. The convolution \
        arithmetic (--convolution) is recorded in the model file: a resumed run keeps its \
        file's, --config-from and --init take their file's unless --convolution is given.

        On a terminal a progress bar shows on standard error; one line per epoch with the \
        training loss and the validation loss and score goes to standard output.

        One run writes a model file at a time: a second train with the same --out (or --resume) \
        is refused while the first runs (an advisory lock on .NAME.lock beside the file, which \
        ends with the process that holds it).

        SIGTERM and SIGINT (Ctrl-C) stop training after the current step: the model file is \
        written with that step, and --resume continues from it.

        Exit codes: 0 training finished (or stopped at --max-steps); 2 bad options or data, a \
        model file that cannot be read, a loss that became NaN or infinite (the model file \
        then keeps the last good epoch), another run writing the same file, a file that \
        cannot be written, or training stopped by SIGTERM or SIGINT (the model file then \
        holds its last step).
        """)

    /// The architecture.
    @OptionGroup package var architecture: ArchitectureOptions

    /// The training options.
    @OptionGroup package var options: TrainingOptionGroup

    /// The data folder, or nil for the embedded default.
    @Option(help: "The data folder in the TGS layout. (default: \(DataSet.embeddedDefaultDescription))")
    package var data: String?

    /// The model file to write.
    @Option(help: "The model file to write. (default: model.h5; with --resume, the resumed file)")
    package var out: String?

    /// The model file to start from.
    @Option(name: .customLong("init"), help: """
        Start from this model file's parameters and architecture (and its convolution arithmetic, unless \
        --convolution gives another).
        """)
    package var initial: String?

    /// The checkpoint to continue.
    @Option(help: "Continue the run this model file holds, up to --epochs.")
    package var resume: String?

    /// The model file whose configuration to repeat.
    @Option(help: "Take every option of the run from this model file's config (options given here override it).")
    package var configFrom: String?

    /// The most optimizer steps to make.
    @Option(help: "Stop after this many optimizer steps; the model file is still complete and can be resumed.")
    package var maxSteps: Int?

    /// The number of threads.
    @Option(help: "Threads for the convolutions; the result does not depend on it. (default: the number of cores)")
    package var threads: Int?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses contradictory or unusable options.
    package func validate() throws {
        try ThreadCountRule.check(threads)
        try options.requireFoldWithFolds()
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must not be negative, got \(maxSteps)") }
        if resume != nil {
            let conflicting = architecture.given + options.given(excluding: ["--epochs"])
                + (initial != nil ? ["--init"] : []) + (configFrom != nil ? ["--config-from"] : [])
            if let first = conflicting.first {
                throw ValidationError("\(first) cannot be given with --resume: the run's options come from the checkpoint")
            }
        }
        if let out, out.isEmpty { throw ValidationError("--out must name a file") }
    }

    /// Trains and writes the model file.
    package func run() throws {
        // The kernel path first: a path this CPU lacks is refused before anything is read.
        let kernels = try PredictionOptions.kernels(threads: threads)
        let data = try loadData()
        let start = try TrainingSetup.resolve(self, data: data)
        let outURL = URL(fileURLWithPath: out ?? resume ?? "model.h5")
        try OutputFolder.requireParent(of: outURL)
        let lock = try OutputLock.acquire(for: outURL, holder: "plastic-unet train")
        if case .unsupported(let reason) = lock { StandardErrorNote.print("\(reason); training goes on unlocked") }
        let trainer = try Trainer(configuration: start.configuration, data: data, split: start.split, kernels: kernels)
        let epochs = start.configuration.training.epochs
        // Handed over, the start state is updated in place rather than copied.
        let state = (consume start).state
        defer { withExtendedLifetime(lock) {} }
        TerminationRequest.install()
        let final = try trainer.train(from: consume state, maxSteps: maxSteps,
                                      stopRequested: { TerminationRequest.isRequested },
                                      observer: TrainingProgressPrinter(), checkpoints: ModelFileCheckpointWriter(url: outURL))
        if let signal = TerminationRequest.signalName, final.epoch < epochs {
            throw CommandError.trainingStopped(signal: signal, step: final.optimizer.step, model: outURL.path)
        }
        let stopped = final.epoch < epochs ? ", stopped at --max-steps in epoch \(final.epoch + 1)" : ""
        print("wrote \(outURL.path): \(final.epoch)/\(epochs) epochs, \(final.optimizer.step) steps\(stopped)")
    }

    private func loadData() throws -> DataSet {
        guard let data else { return DataSet.embeddedDefault }
        return try DataSetLoader.load(from: URL(fileURLWithPath: data))
    }
}
