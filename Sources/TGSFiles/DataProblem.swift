/// One thing wrong with a data folder, as `data check` lists it and as loading refuses it.
package struct DataProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the problem is about: a sample id, or `FILE:LINE` (or `FILE`) for a problem
    /// of a table row.
    package let subject: String
    /// What is wrong.
    package let message: String

    /// A problem of `subject`.
    package init(_ subject: String, _ message: String) {
        self.subject = subject
        self.message = message
    }

    /// A problem of the row of table `file` that starts on `line`.
    static func row(_ file: String, _ line: Int, _ message: String) -> DataProblem {
        DataProblem("\(file):\(line)", message)
    }

    /// `SUBJECT: MESSAGE`, on one line.
    package var description: String { "\(subject): \(message)" }
}

/// A folder that is not a data folder at all: it has no `train.csv`.
package struct DataFolderError: Error, Equatable, CustomStringConvertible {
    /// The folder's path.
    package let path: String

    /// The error for the folder at `path`.
    package init(path: String) {
        self.path = path
    }

    /// One line naming the folder.
    package var description: String { "\(path) is not a data folder (it has no \(DataFolderLayout.trainTableName))" }
}
