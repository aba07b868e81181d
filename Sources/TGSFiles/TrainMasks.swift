import FileOutput
import Foundation
import ImageFiles
import TGSData

/// The masks of a data folder decoded from `train.csv` alone (no mask images needed),
/// for statistics and for writing mask images.
package struct TrainMasks: Sendable {
    /// Where the side S came from.
    package enum SizeSource: String, Codable, Sendable {
        /// The first image of a `train.csv` id found in `train/images`.
        case images
        /// No image was found: the side the caller gave.
        case option
    }

    /// The side S of the masks.
    package let size: Int
    /// Where ``size`` came from.
    package let sizeSource: SizeSource
    /// The masks in `train.csv` order.
    package let entries: [IdentifiedMask]
    /// The depths of `depths.csv` for the ids of ``entries`` that have one.
    package let depths: [String: Double]

    /// Reads `train.csv` (and `depths.csv`, if any) of `directory`.
    ///
    /// S is the side of the first image found for an id of `train.csv` (in its order);
    /// `defaultSize` when there is none.
    /// - Throws: ``DataProblem`` when there is no `train.csv`; the first ``DataProblem`` of
    ///   the tables or of a run-length mask, worded as ``DataSetChecker`` words it;
    ///   ``ImageFiles/ImageFileError`` when the image that fixes S cannot be read.
    package init(from directory: URL, defaultSize: Int) throws {
        let layout = DataFolderLayout(directory)
        try layout.requireDataFolder()
        let table = TrainTable(layout)
        let depthTable = DepthTable(layout)
        if let problem = table.problems.first?.problem ?? depthTable.problems.first { throw problem }
        let (size, source) = try Self.size(of: table.entries.map(\.id), in: layout, defaultSize: defaultSize)
        entries = try Self.decode(table.entries, size: size)
        let ids = Set(table.entries.map(\.id))
        depths = depthTable.depths.filter { ids.contains($0.key) }
        self.size = size
        sizeSource = source
    }

    /// Writes each mask as `folder/ID.png` (8-bit, 0 and 255), creating the folder; each
    /// file is replaced atomically and the folder flushed once at the end.
    /// - Throws: `FileOutput.FileWriteError` naming the file or folder.
    package func writeMaskImages(to folder: URL) throws {
        try OutputFolder.make(folder)
        var batch = FileBatch()
        for entry in entries {
            try PNGFile.write(GrayImage(width: size, height: size, mask: entry.mask),
                              to: folder.appendingPathComponent(entry.id + ".png"), in: &batch)
        }
        try batch.finish()
    }

    /// The masks of `entries`, each decoded at `size` x `size`.
    /// - Throws: ``DataProblem`` naming the id of the first mask that does not decode.
    static func decode(_ entries: [TrainTable.Entry], size: Int) throws -> [IdentifiedMask] {
        try entries.map { entry in
            do throws(RunLengthError) {
                return IdentifiedMask(id: entry.id, mask: try RunLengthEncoding.decode(entry.runLengthMask, width: size, height: size))
            } catch {
                throw DataProblem.sample(id: entry.id, .runLengthMask(error))
            }
        }
    }

    private static func size(of ids: [String], in layout: DataFolderLayout, defaultSize: Int) throws -> (Int, SizeSource) {
        guard let id = ids.first(where: { layout.hasFile(DataFolderLayout.imagePath($0)) }) else { return (defaultSize, .option) }
        let path = DataFolderLayout.imagePath(id)
        let image = try PNGFile.read(layout.url(path), name: path)
        if let problem = SquareImageRule.problem(width: image.width, height: image.height, commonSize: nil) {
            throw DataProblem.sample(id: id, .image(path: path, problem))
        }
        return (image.width, .images)
    }
}
