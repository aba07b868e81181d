/// One thing wrong with a data folder, as `data check` lists it and as loading refuses it.
public struct DataProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the problem is about: a sample id, or `FILE:LINE` (or `FILE`) for a problem
    /// of a table row.
    public let subject: String
    /// What is wrong.
    public let message: String

    /// A problem of `subject`.
    public init(_ subject: String, _ message: String) {
        self.subject = subject
        self.message = message
    }

    /// A problem of the row of table `file` that starts on `line`.
    static func row(_ file: String, _ line: Int, _ message: String) -> DataProblem {
        DataProblem("\(file):\(line)", message)
    }

    /// `SUBJECT: MESSAGE`, on one line.
    public var description: String { "\(subject): \(message)" }
}

/// A folder that is not a data folder at all: it has no `train.csv`.
public struct DataFolderError: Error, Equatable, CustomStringConvertible {
    /// The folder's path.
    public let path: String

    /// The error for the folder at `path`.
    public init(path: String) {
        self.path = path
    }

    /// One line naming the folder.
    public var description: String { "\(path) is not a data folder (it has no \(DataFolderLayout.trainTableName))" }
}
