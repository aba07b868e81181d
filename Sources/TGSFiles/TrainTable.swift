import Foundation

/// The rows of `train.csv`: the usable entries and the problems of the others.
struct TrainTable {
    /// One row with a usable id.
    struct Entry {
        let id: String
        let runLengthMask: String
        let line: Int
    }

    /// The usable rows, in file order, each id once.
    private(set) var entries: [Entry] = []
    /// The problems of the other rows (or of the whole file), with the line they are on.
    private(set) var problems: [(line: Int, problem: DataProblem)] = []

    /// Reads `train.csv` of `layout`. Every problem is recorded, none thrown.
    init(_ layout: DataFolderLayout) {
        self.init(layout.url(DataFolderLayout.trainTableName), name: DataFolderLayout.trainTableName)
    }

    /// Reads the `id,rle_mask` table at `url` (a `train.csv` or a submission). Every
    /// problem is recorded, none thrown.
    /// - Parameter name: how problems name the file.
    init(_ url: URL, name file: String) {
        let rows: [CSVTable.Row]
        do throws(DataProblem) {
            rows = try CSVTable.read(url, name: file)
            try CSVTable.requireHeader(DataFolderLayout.trainHeader, of: rows, file: file)
        } catch {
            problems = [(0, error)]
            return
        }
        guard rows.count > 1 else {
            problems = [(0, .table(file: file, .onlyHeader))]
            return
        }
        var firstLines: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == 2 else {
                problems.append((row.line, .row(file: file, line: row.line,
                                                .fieldCount(header: DataFolderLayout.trainHeader, found: row.fields.count))))
                continue
            }
            let id = row.fields[0]
            if let problem = SampleID.problem(with: id) {
                problems.append((row.line, .row(file: file, line: row.line, problem)))
            } else if let first = firstLines[id] {
                problems.append((row.line, .row(file: file, line: row.line, .duplicateID(id, firstLine: first))))
            } else {
                firstLines[id] = row.line
                entries.append(Entry(id: id, runLengthMask: row.fields[1], line: row.line))
            }
        }
    }
}
