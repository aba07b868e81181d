import ArgumentParser
import Evaluation
import FileOutput
import Foundation
import ImageFiles
import Scoring
import TGSData
import TGSFiles

/// `plastic-unet predict`: writes a model's masks for a folder of images.
public struct PredictCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    public static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict the salt masks of a folder of images: mask PNGs, a submission CSV, optionally the probabilities.",
        discussion: """
        Reads every *.png in --images (the id is the file-name stem), predicts them in id order (which \
        fixes the online trace mode) and writes into --out (created if needed): ID.png for each image \
        (8-bit, 255 for salt, 0 elsewhere) and submission.csv (header id,rle_mask, one row per image in id \
        order, the run-length encoding of docs/MODEL.md §1, lines ending with a line feed as in the TGS Salt \
        files). A pixel is salt when its probability is above --threshold. Existing files of those names \
        are replaced; other files in --out are left alone.

        --probabilities FILE.h5 also writes the probability maps as HDF5: /probabilities (float32 \
        [N, S, S]) and /ids (fixed-length strings, the same order), both chunked with shuffle, deflate and \
        Fletcher-32, and the root attributes format = "plastic-unet-probabilities", format_version = 1, \
        model_sha256 and trace_mode.

        The images must be S x S, the model's size. Every file is written to a temporary file in its folder \
        and renamed into place; all predictions are made before the first file is written.

        Exit codes: 0 written; 2 bad options, a model or image that cannot be read, an image of another \
        size than the model's, or a file that cannot be written.
        """)

    /// The model file.
    @Argument(help: "The model file to predict with.")
    public var model: String

    /// The folder of images.
    @Option(help: ArgumentHelp("The folder of images to predict (every *.png in it).", valueName: "dir"))
    public var images: String

    /// The output folder.
    @Option(help: ArgumentHelp("The folder to write the masks and submission.csv to (created if needed).",
                               valueName: "dir"))
    public var out: String

    /// The trace mode, threshold and threads.
    @OptionGroup public var prediction: PredictionOptions

    /// The probability file to write.
    @Option(help: ArgumentHelp("Also write the probability maps to this HDF5 file.", valueName: "file.h5"))
    public var probabilities: String?

    /// A command as the parser fills it.
    public init() {}

    /// Refuses empty paths and an output folder that is the image folder.
    public func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a folder") }
        if probabilities?.isEmpty == true { throw ValidationError("--probabilities must name a file") }
        if Self.samePlace(out, images) {
            throw ValidationError("--out must not be the --images folder: the masks would replace the images")
        }
    }

    /// Predicts and writes the files.
    public func run() throws {
        if let probabilities { try OutputFolder.requireParent(of: URL(fileURLWithPath: probabilities)) }
        let loaded = try LoadedModel.load(URL(fileURLWithPath: model))
        let folder = URL(fileURLWithPath: images)
        let inputs = try ImageFolder.load(from: folder)
        let size = loaded.contents.configuration.model.size
        if let first = inputs.first, first.image.count != size * size {
            let side = Int(Double(first.image.count).squareRoot())
            throw EvaluationError("image \(folder.appendingPathComponent(first.id + ".png").path) is \(side) x \(side) "
                                  + "but \(model) takes \(size) x \(size) images")
        }
        let predictions = try Evaluator.predict(loaded.contents, images: inputs, traceMode: prediction.trace,
                                                kernels: try prediction.kernels(), modelName: model)
        let masks = predictions.map { item in
            IdentifiedMask(id: item.id, mask: ProbabilityThreshold.mask(item.probabilities.scalars,
                                                                          threshold: prediction.threshold).map { $0 ? 1 : 0 })
        }
        let outFolder = URL(fileURLWithPath: out)
        let pictures = try masks.map { entry in
            (url: outFolder.appendingPathComponent(entry.id + ".png"),
             data: try PNGFile.encode(GrayImage(width: size, height: size, mask: entry.mask), name: entry.id + ".png"))
        }
        try OutputFolder.make(outFolder)
        var batch = FileBatch()
        for picture in pictures { try batch.write(picture.data, to: picture.url) }
        try batch.write(RunLengthTable.text(of: masks, size: size), to: outFolder.appendingPathComponent("submission.csv"))
        try batch.finish()
        if let probabilities {
            try ProbabilityFile.write(predictions, size: size, modelSHA256: loaded.identity.sha256,
                                      traceMode: prediction.trace, to: URL(fileURLWithPath: probabilities))
        }
        let salt = masks.count { $0.mask.contains(1) }
        print("wrote \(masks.count) masks (\(salt) with salt) and submission.csv to \(out) "
              + "(threshold \(prediction.threshold), trace \(prediction.trace))")
        if let probabilities { print("wrote \(probabilities)") }
    }

    /// Whether two paths name the same folder (after resolving `.`, `..` and symbolic links).
    private static func samePlace(_ first: String, _ second: String) -> Bool {
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolve(first) == resolve(second)
    }
}
