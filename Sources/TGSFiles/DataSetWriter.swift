import FileOutput
import Foundation
import ImageFiles
import TGSData

/// Writes synthetic samples as a data folder in the TGS layout (docs/DATA.md).
package enum DataSetWriter {
    /// Writes `train/images/ID.png` (8-bit), `train/masks/ID.png` (0 and 255),
    /// `depths.csv` and, last, `train.csv` (run-length masks) into `directory`, which is
    /// created and must not hold files yet. Every file is written through a temporary
    /// file flushed and renamed into place (one `FileOutput.FileBatch`, which flushes each
    /// folder once at the end); a folder without `train.csv` is not a data folder, so an
    /// interrupted run never leaves one that looks complete.
    /// - Throws: `FileOutput.FileWriteError` naming the file or folder.
    package static func write(_ samples: some Sequence<SyntheticSample>, to directory: URL) throws {
        let layout = DataFolderLayout(directory)
        try OutputFolder.makeEmpty(directory)
        for folder in ["train/images", "train/masks"] { try OutputFolder.make(layout.url(folder)) }
        var batch = FileBatch()
        var trainTable = CSVTable.record(DataFolderLayout.trainHeader)
        var depthTable = CSVTable.record(DataFolderLayout.depthHeader)
        for sample in samples {
            let size = sample.image.width
            try PNGFile.write(sample.image, to: layout.url(DataFolderLayout.imagePath(sample.id)), in: &batch)
            try PNGFile.write(GrayImage(width: size, height: size, mask: sample.mask),
                              to: layout.url(DataFolderLayout.maskPath(sample.id)), in: &batch)
            trainTable += CSVTable.record([sample.id, RunLengthEncoding.encode(sample.mask, width: size, height: size)])
            depthTable += CSVTable.record([sample.id, String(sample.depth)])
        }
        try batch.write(depthTable, to: layout.url(DataFolderLayout.depthTableName))
        try batch.finish()
        try AtomicFile.write(trainTable, to: layout.url(DataFolderLayout.trainTableName))
    }
}
