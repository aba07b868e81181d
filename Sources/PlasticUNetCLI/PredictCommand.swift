import ArgumentParser
import Evaluation
import FileOutput
import Foundation
import ImageFiles
import Kernels
import ModelRuns
import Scoring
import TGSData
import TGSFiles

/// `plastic-unet predict`: writes a model's masks for a folder of images.
package struct PredictCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
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
        model_sha256 and trace_mode (and convolution, the arithmetic of the predictions, whenever \
        winograd is involved).

        The model computes with the convolution arithmetic its file records, or with --convolution's.

        The images must be S x S, the model's size. A few images are read and predicted at a time (four \
        on each thread), so any number of images fits in memory (with --probabilities, the maps \
        of all of them are kept for that file). Each mask goes to a temporary file in --out as soon as it \
        is predicted; all of them are renamed into place once every prediction is made, and on an error \
        they are removed: either every file appears or none does.

        Exit codes: 0 written; 2 bad options, a model or image that cannot be read, an image of another \
        size than the model's, or a file that cannot be written.
        """)

    /// The model file.
    @Argument(help: "The model file to predict with.")
    package var model: String

    /// The folder of images.
    @Option(help: ArgumentHelp("The folder of images to predict (every *.png in it).", valueName: "dir"))
    package var images: String

    /// The output folder.
    @Option(help: ArgumentHelp("The folder to write the masks and submission.csv to (created if needed).",
                               valueName: "dir"))
    package var out: String

    /// The trace mode, threshold and threads.
    @OptionGroup package var prediction: PredictionOptions

    /// The convolution arithmetic, when not the file's.
    @OptionGroup package var arithmetic: ConvolutionOverride

    /// The probability file to write.
    @Option(help: ArgumentHelp("Also write the probability maps to this HDF5 file.", valueName: "file.h5"))
    package var probabilities: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses empty paths and an output folder that is the image folder.
    package func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a folder") }
        if probabilities?.isEmpty == true { throw ValidationError("--probabilities must name a file") }
        if Self.samePlace(out, images) {
            throw ValidationError("--out must not be the --images folder: the masks would replace the images")
        }
    }

    /// Predicts and writes the files a few images at a time (a batch of the stream's
    /// ``PredictionStream/batchSize``): each mask goes to a temporary file as soon as it is
    /// predicted, and every file is renamed into place once the last
    /// prediction is made (on failure the temporary files are removed).
    package func run() throws {
        if let probabilities { try OutputFolder.requireParent(of: URL(fileURLWithPath: probabilities)) }
        let stored = try ModelFiles().model(model)
        let convolution = arithmetic.choice(for: stored)
        let folder = URL(fileURLWithPath: images)
        let ids = try ImageFolder.ids(in: folder)
        let size = stored.contents.configuration.model.size
        let kernels = try prediction.kernels()
        let outFolder = URL(fileURLWithPath: out)
        let outExisted = FileManager.default.fileExists(atPath: outFolder.path)
        try OutputFolder.make(outFolder)
        var staged = StagedFiles()
        var masks: [IdentifiedMask] = []
        var maps: [(id: String, probabilities: Tensor)] = []
        do {
            try Evaluator.predictEach(convolution.applied(to: stored.contents), ids: ids, traceMode: prediction.trace,
                                      kernels: kernels, modelName: model, image: { id in
                                          try Self.image(id, in: folder, size: size, model: model)
                                      }) { id, map in
                let mask: [UInt8] = ProbabilityThreshold.mask(map.scalars, threshold: prediction.threshold)
                    .map { $0 ? 1 : 0 }
                try staged.stage(try PNGFile.encode(GrayImage(width: size, height: size, mask: mask), name: id + ".png"),
                                 as: outFolder.appendingPathComponent(id + ".png"))
                masks.append(IdentifiedMask(id: id, mask: mask))
                if probabilities != nil { maps.append((id: id, probabilities: map)) }
            }
            try staged.stage(RunLengthTable.text(of: masks, size: size),
                             as: outFolder.appendingPathComponent("submission.csv"))
            try staged.commit()
        } catch {
            staged.discard()
            if !outExisted { try? FileManager.default.removeItem(at: outFolder) }
            throw error
        }
        if let probabilities {
            try ProbabilityFile.write(maps, size: size, modelSHA256: stored.identity.sha256,
                                      traceMode: prediction.trace,
                                      convolution: convolution.isReported ? convolution.used : nil,
                                      to: URL(fileURLWithPath: probabilities))
        }
        let salt = masks.count { $0.mask.contains(1) }
        print("wrote \(masks.count) masks (\(salt) with salt) and submission.csv to \(out) "
              + "(threshold \(prediction.threshold), trace \(prediction.trace)"
              + (convolution.isReported ? ", \(convolution.text))" : ")"))
        if let probabilities { print("wrote \(probabilities)") }
    }

    /// The image `id` of `folder`, refused by name unless it is `size` x `size`.
    private static func image(_ id: String, in folder: URL, size: Int, model: String) throws -> [Float] {
        do {
            return try ImageFolder.image(id, in: folder, size: size)
        } catch let problem as DataProblem {
            throw CommandError.imageNotForModel(problem, model: model)
        }
    }

    /// Whether two paths name the same folder (after resolving `.`, `..` and symbolic links).
    private static func samePlace(_ first: String, _ second: String) -> Bool {
        let resolve = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolve(first) == resolve(second)
    }
}
