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
        do {
            rows = try CSVTable.read(file, in: layout)
            try CSVTable.requireHeader(DataFolderLayout.depthHeader, of: rows, file: file)
        } catch {
            problems = [error as? DataProblem ?? DataProblem(file, "\(error)")]
            return
        }
        var firstLines: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count == 2 else {
                problems.append(.row(file, row.line, "expected 2 fields (id,z), found \(row.fields.count)"))
                continue
            }
            let (id, text) = (row.fields[0], row.fields[1])
            guard let z = Double(text), z.isFinite else {
                problems.append(.row(file, row.line, "z \"\(text)\" is not a number"))
                continue
            }
            if let first = firstLines[id] {
                problems.append(.row(file, row.line, "duplicate id \"\(id)\" (first on line \(first))"))
                continue
            }
            firstLines[id] = row.line
            depths[id] = z
        }
    }
}
