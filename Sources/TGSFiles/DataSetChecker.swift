import Foundation
import TGSData

/// Lists everything wrong with a data folder.
package enum DataSetChecker {
    /// Every problem of the data folder `directory`, in the order of `train.csv` (then
    /// those of `depths.csv`); empty when ``DataSetLoader/load(from:)`` would succeed.
    /// - Throws: ``DataProblem/notADataFolder(path:)``, only when the folder has no
    ///   `train.csv`.
    package static func check(_ directory: URL) throws(DataProblem) -> [DataProblem] {
        try DataFolderScan(directory).problems
    }
}
