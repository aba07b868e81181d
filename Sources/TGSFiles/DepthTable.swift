/// The depths of `depths.csv` (optional; it may list more ids than `train.csv`).
struct DepthTable {
    /// The depth of each id.
    private(set) var depths: [String: Double] = [:]
    /// The problems of its rows (or of the whole file).
    private(set) var problems: [DataProblem] = []

    /// Reads `depths.csv` of `layout`, if there is one. Every problem is recorded, none
    /// thrown.
    init(_ layout: DataFolderLayout) {
        let file = DataFolderLayout.depthTableName
        guard layout.hasFile(file) else { return }
        let rows: [CSVTable.Row]
        do throws(DataProblem) {
            rows = try CSVTable.read(file, in: layout)
            try CSVTable.requireHeader(DataFolderLayout.depthHeader, of: rows, file: file)
        } catch {
            problems = [error]
            return
        }
        var firstLines: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == 2 else {
                problems.append(.row(file: file, line: row.line,
                                     .fieldCount(header: DataFolderLayout.depthHeader, found: row.fields.count)))
                continue
            }
            let (id, text) = (row.fields[0], row.fields[1])
            guard let z = Double(text), z.isFinite else {
                problems.append(.row(file: file, line: row.line, .depthNotANumber(text)))
                continue
            }
            if let first = firstLines[id] {
                problems.append(.row(file: file, line: row.line, .duplicateID(id, firstLine: first)))
                continue
            }
            firstLines[id] = row.line
            depths[id] = z
        }
    }
}
