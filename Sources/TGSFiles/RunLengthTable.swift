import Foundation
import TGSData

/// A table of run-length masks with the header `id,rle_mask`: a `train.csv`, or a
/// submission in the TGS Salt format. Read with the rules of `train.csv` (docs/DATA.md).
package enum RunLengthTable {
    /// The masks of the table at `url`, in the table's order, each decoded at
    /// `size` x `size`.
    /// - Parameters:
    ///   - url: the table.
    ///   - size: the side S of the masks.
    ///   - name: how errors name the file (default: its path).
    /// - Throws: the first ``DataProblem`` of the table, named `NAME:LINE` (a row) or by
    ///   its id (a mask that does not decode).
    package static func read(_ url: URL, size: Int, name: String? = nil) throws -> [IdentifiedMask] {
        let table = TrainTable(url, name: name ?? url.path)
        if let problem = table.problems.first?.problem { throw problem }
        return try TrainMasks.decode(table.entries, size: size)
    }

    /// The table's text: the header, then one row per mask in the given order, each
    /// `id,rle_mask` with the run-length encoding of docs/DATA.md, rows ending with a
    /// line feed (as the TGS Salt files do).
    /// - Precondition: every mask has `size * size` values.
    /// - Complexity: O(total pixels).
    package static func text(of masks: [IdentifiedMask], size: Int) -> String {
        masks.reduce(into: CSVTable.record(DataFolderLayout.trainHeader)) { text, entry in
            text += CSVTable.record([entry.id, RunLengthEncoding.encode(entry.mask, width: size, height: size)])
        }
    }
}
