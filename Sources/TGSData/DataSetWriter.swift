import Foundation
import ImageFiles

/// Writes synthetic samples as a data folder in the TGS layout (docs/DATA.md).
public enum DataSetWriter {
    /// Writes `train/images/ID.png` (8-bit), `train/masks/ID.png` (0 and 255),
    /// `depths.csv` and, last, `train.csv` (run-length masks) into `directory`, which is
    /// created and must not hold files yet. Every file is written through a temporary
    /// file renamed into place; a folder without `train.csv` is not a data folder, so an
    /// interrupted run never leaves one that looks complete.
    /// - Throws: ``DataWriteError`` or ``ImageFiles/ImageFileError`` naming the file.
    public static func write(_ samples: some Sequence<SyntheticSample>, to directory: URL) throws {
        let layout = DataFolderLayout(directory)
        try DataOutput.makeEmptyFolder(directory)
        for folder in ["train/images", "train/masks"] { try DataOutput.makeFolder(layout.url(folder)) }
        var trainTable = CSVTable.record(DataFolderLayout.trainHeader)
        var depthTable = CSVTable.record(DataFolderLayout.depthHeader)
        for sample in samples {
            let size = sample.image.width
            try PNGFile.write(sample.image, to: layout.url(DataFolderLayout.imagePath(sample.id)))
            try PNGFile.write(GrayImage(width: size, height: size, mask: sample.mask),
                              to: layout.url(DataFolderLayout.maskPath(sample.id)))
            trainTable += CSVTable.record([sample.id, RunLengthEncoding.encode(sample.mask, width: size, height: size)])
            depthTable += CSVTable.record([sample.id, String(sample.depth)])
        }
        try DataOutput.write(depthTable, to: layout.url(DataFolderLayout.depthTableName))
        try DataOutput.write(trainTable, to: layout.url(DataFolderLayout.trainTableName))
    }
}
