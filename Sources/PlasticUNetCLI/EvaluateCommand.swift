import ArgumentParser
import Evaluation
import FileOutput
import Foundation
import ModelRuns
import TGSData
import TGSFiles

extension EvaluationSplit: ExpressibleByArgument {}

/// `plastic-unet evaluate`: scores a model on data.
package struct EvaluateCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a model on data: the TGS score, a threshold sweep, breakdowns and the loss.",
        discussion: """
        Predicts the images of the split (in id order, which fixes the online trace mode) and prints the \
        TGS score at --threshold (docs/MODEL.md §5: per image, the fraction of the IoU thresholds 0.50, 0.55, \
        ..., 0.95 it passes; the mean over the images), the best of 31 thresholds from 0.3 to 0.7, the \
        precision at each IoU threshold, the score by coverage class and by empty or non-empty truth, and \
        the mean binary cross-entropy.

        --split val and --split train take the ids the model file records, and so need a trained model \
        and the very data it was trained on: other data (another fingerprint) is an error. --split all \
        takes every image of the data and accepts any data of the model's size, so that a model can be \
        evaluated on new data; a note on standard error says when the data is not the training data, and \
        the JSON report holds both fingerprints.

        The JSON report (schemas/evaluation-report-v1.schema.json) identifies the model by the SHA-256 of \
        its file, not by its path, and holds no time: the same model, data and options give the same \
        bytes. The model computes with the convolution arithmetic its file records, or with \
        --convolution's; the table and the report name the arithmetic (key convolution) whenever \
        winograd is involved. Every file is written to a temporary file in its folder and renamed into place.

        Exit codes: 0 evaluated; 2 bad options, a model or data that cannot be read, data that does not \
        fit the model or the split, or a file that cannot be written (nothing is written then).
        """)

    /// The model file.
    @Argument(help: "The model file to evaluate.")
    package var model: String

    /// The data folder, or nil for the embedded default.
    @Option(help: "The data folder in the TGS layout. (default: \(DataSet.embeddedDefaultDescription))")
    package var data: String?

    /// The images to evaluate.
    @Option(help: """
        The images to evaluate: val or train (the ids the model file records; they need the model's \
        training data) or all (every image of the data).
        """)
    package var split: EvaluationSplit = .val

    /// The trace mode, threshold and threads.
    @OptionGroup package var prediction: PredictionOptions

    /// The convolution arithmetic, when not the file's.
    @OptionGroup package var arithmetic: ConvolutionOverride

    /// The JSON report to write.
    @Option(help: ArgumentHelp("Also write the report as JSON to this file.", valueName: "file"))
    package var json: String?

    /// The per-image table to write.
    @Option(help: ArgumentHelp("""
        Also write one CSV row per image: id, coverage class, truth and predicted pixels, intersection, \
        union, passed thresholds, score and loss.
        """, valueName: "file.csv"))
    package var perImage: String?

    /// The folder of pictures to write.
    @Option(help: ArgumentHelp("""
        Also write SVG pictures into this folder (created if needed): threshold-sweep.svg, coverage.svg, \
        overlays.svg (images with the true and predicted outlines) and, for a trained model, training.svg.
        """, valueName: "dir"))
    package var plots: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses empty output paths.
    package func validate() throws {
        for (flag, path) in [("--json", json), ("--per-image", perImage), ("--plots", plots)] where path?.isEmpty == true {
            throw ValidationError("\(flag) must name a file")
        }
    }

    /// Evaluates, writes the files asked for, and prints the table.
    package func run() throws {
        try ReportFiles.requireFolders(json: json, perImage: perImage)
        let stored = try ModelFiles().model(model)
        let dataSet = try data.map { try DataSetLoader.load(from: URL(fileURLWithPath: $0)) } ?? DataSet.embeddedDefault
        let evaluation = try Evaluator.evaluate(stored, data: dataSet, split: split, traceMode: prediction.trace,
                                                threshold: prediction.threshold, kernels: try prediction.kernels(),
                                                convolution: arithmetic.convolution)
        let report = evaluation.report
        var outputs = ReportFiles.texts(of: report, json: json, perImage: perImage)
        if let plots {
            outputs += try EvaluationPlots.files(of: evaluation, model: stored.contents, data: dataSet).map {
                ((plots as NSString).appendingPathComponent($0.name), $0.text)
            }
            try OutputFolder.make(URL(fileURLWithPath: plots))
        }
        try ReportFiles.write(outputs)
        if let trained = stored.identity.trainingDataFingerprint, trained != dataSet.fingerprint {
            StandardErrorNote.print("the data (fingerprint \(dataSet.fingerprint)) is not the data \(model) was "
                                    + "trained on (\(trained))")
        }
        print(EvaluationTable.text(of: report, modelName: model), terminator: "")
        ReportFiles.list(outputs)
    }
}
