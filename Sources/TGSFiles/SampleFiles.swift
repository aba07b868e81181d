import Foundation
import TGSData
import ImageFiles

/// The files of one `train.csv` entry, read, and the judgement of whether they make a
/// sample.
struct SampleFiles {
    let entry: TrainTable.Entry
    /// The image, or why it could not be read.
    let image: Result<GrayImage, DataProblem>
    /// The mask image, why it could not be read, or nil when there is no mask file.
    let mask: Result<GrayImage, DataProblem>?

    /// Reads the image and (when present) the mask of `entry`.
    init(_ entry: TrainTable.Entry, in layout: DataFolderLayout) {
        self.entry = entry
        image = Self.read(DataFolderLayout.imagePath(entry.id), in: layout, id: entry.id)
        let maskPath = DataFolderLayout.maskPath(entry.id)
        mask = layout.hasFile(maskPath) ? Self.read(maskPath, in: layout, id: entry.id) : nil
    }

    /// The sample, or the problems that keep the entry from being one.
    /// - Parameters:
    ///   - size: the data set's side, nil when no image has a usable size.
    ///   - depth: the entry's depth, if any.
    func assemble(size: Int?, depth: Double?) -> (sample: Sample?, problems: [DataProblem]) {
        let id = entry.id
        var problems: [DataProblem] = []
        var runs: [RunLengthEncoding.Run]?
        do throws(RunLengthError) {
            runs = try RunLengthEncoding.runs(in: entry.runLengthMask, pixelCount: size.map { $0 * $0 })
        } catch {
            problems.append(.sample(id: id, .runLengthMask(error)))
        }
        var goodImage: GrayImage?
        switch image {
        case let .failure(problem):
            problems.append(problem)
        case let .success(image):
            if let shape = SquareImageRule.problem(width: image.width, height: image.height, commonSize: size) {
                problems.append(.sample(id: id, .image(path: DataFolderLayout.imagePath(id), shape)))
            } else {
                goodImage = image
            }
        }
        var maskFromFile: [UInt8]?
        switch mask {
        case nil:
            break
        case let .failure(problem):
            problems.append(problem)
        case let .success(mask):
            if let size, mask.width != size || mask.height != size {
                problems.append(.sample(id: id, .maskSize(path: DataFolderLayout.maskPath(id), width: mask.width,
                                                          height: mask.height, size: size)))
            } else {
                maskFromFile = mask.binaryMask
            }
        }
        if let size, let runs, let maskFromFile {
            let decoded = RunLengthEncoding.mask(of: runs, width: size, height: size)
            let differing = zip(decoded, maskFromFile).count(where: { $0 != $1 })
            if differing > 0 {
                problems.append(.sample(id: id, .maskDiffers(path: DataFolderLayout.maskPath(id), pixels: differing)))
            }
        }
        guard problems.isEmpty, let size, let runs, let goodImage else { return (nil, problems) }
        let mask = maskFromFile ?? RunLengthEncoding.mask(of: runs, width: size, height: size)
        return (Sample(id: id, image: goodImage.normalized, mask: mask, depth: depth), [])
    }

    private static func read(_ path: String, in layout: DataFolderLayout, id: String) -> Result<GrayImage, DataProblem> {
        Result { () throws(ImageFileError) in try PNGFile.read(layout.url(path), name: path) }
            .mapError { .sample(id: id, .unreadableFile($0)) }
    }
}
