import Foundation
import TGSData

/// Loads a data folder in the TGS layout: `train.csv`, optional `depths.csv`,
/// `train/images/ID.png`, optional `train/masks/ID.png` (docs/DATA.md).
package enum DataSetLoader {
    /// The data set in `directory`, refusing any problem.
    ///
    /// A pixel is salt when its mask value is above 0; the mask comes from
    /// `train/masks/ID.png` when that file exists (and must then agree with `rle_mask`),
    /// from `rle_mask` otherwise (an empty `rle_mask` is the empty mask).
    /// - Throws: ``DataProblem/notADataFolder(path:)`` when the folder has no `train.csv`;
    ///   otherwise the first ``DataProblem`` that ``DataSetChecker/check(_:)`` lists.
    package static func load(from directory: URL) throws(DataProblem) -> DataSet {
        let scan = try DataFolderScan(directory)
        if let problem = scan.problems.first { throw problem }
        guard let size = scan.size else { throw .table(file: DataFolderLayout.trainTableName, .noSamples) }
        return DataSet(size: size, samples: scan.samples)
    }
}
