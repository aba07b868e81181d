import Foundation

/// Where a data folder in the TGS layout keeps its files.
///
/// ```
/// DIR/train.csv             id,rle_mask
/// DIR/depths.csv            id,z           (optional)
/// DIR/train/images/ID.png
/// DIR/train/masks/ID.png    (optional: decoded from rle_mask when missing)
/// ```
struct DataFolderLayout {
    /// The name of the table of ids and run-length masks.
    static let trainTableName = "train.csv"
    /// The name of the optional table of depths.
    static let depthTableName = "depths.csv"
    /// The header `train.csv` must start with.
    static let trainHeader = ["id", "rle_mask"]
    /// The header `depths.csv` must start with.
    static let depthHeader = ["id", "z"]

    /// The data folder.
    let directory: URL

    /// The layout of the folder at `directory`.
    init(_ directory: URL) {
        self.directory = directory
    }

    /// The image of `id`, relative to the folder.
    static func imagePath(_ id: String) -> String { "train/images/\(id).png" }

    /// The mask of `id`, relative to the folder.
    static func maskPath(_ id: String) -> String { "train/masks/\(id).png" }

    /// The file at `relativePath` inside the folder.
    func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// Whether a regular file exists at `relativePath`.
    func hasFile(_ relativePath: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(relativePath).path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Throws unless the folder holds a `train.csv`.
    /// - Throws: ``DataProblem/notADataFolder(path:)``.
    func requireDataFolder() throws(DataProblem) {
        guard hasFile(Self.trainTableName) else { throw .notADataFolder(path: directory.path) }
    }
}
