/// One thing wrong with a data folder or a folder of images: what `data check` lists (a
/// table's, a row's or a sample's problem), and what loading refuses the folder with.
package enum DataProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder has no `train.csv`: it is not a data folder at all.
    case notADataFolder(path: String)
    /// A table as a whole is unusable: `FILE: PROBLEM`.
    case table(file: String, TableProblem)
    /// A row of a table, the one that starts on `line`: `FILE:LINE: PROBLEM`.
    case row(file: String, line: Int, RowProblem)
    /// A sample of the data folder: `ID: PROBLEM`.
    case sample(id: String, SampleProblem)
    /// A folder of images cannot be listed.
    case unlistableFolder(path: String)
    /// A folder of images holds no PNG file.
    case noImages(folder: String)
    /// An image of a folder of images has a shape it cannot have: `image PATH PROBLEM`.
    case image(path: String, ImageShapeProblem)

    /// One line: what is wrong, after what it is about.
    package var description: String {
        switch self {
        case .notADataFolder(let path):
            "\(path) is not a data folder (it has no \(DataFolderLayout.trainTableName))"
        case .table(let file, let problem):
            "\(file): \(problem)"
        case .row(let file, let line, let problem):
            "\(file):\(line): \(problem)"
        case .sample(let id, let problem):
            "\(id): \(problem)"
        case .unlistableFolder(let path):
            "cannot list \(path): not a readable folder"
        case .noImages(let folder):
            "\(folder) holds no PNG image"
        case .image(let path, let shape):
            "image \(path) \(shape)"
        }
    }
}
