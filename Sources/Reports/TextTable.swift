/// Rows of text cells laid out in columns, each as wide as its widest cell: the tables of
/// every report.
package struct TextTable: Sendable {
    /// Where a cell's text sits in its column.
    package enum Alignment: Sendable {
        /// Text first, then spaces.
        case left
        /// Spaces first, then text.
        case right
    }

    /// The rows, each with a cell per column (missing cells count as empty).
    package let rows: [[String]]
    /// The alignment of each column; columns past its end are aligned left.
    package let alignments: [Alignment]
    /// The least width of each column; columns past its end have none.
    package let minimumWidths: [Int]
    /// What stands between two cells.
    package let separator: String

    /// A table of `rows`.
    package init(_ rows: [[String]], alignments: [Alignment] = [], minimumWidths: [Int] = [],
                 separator: String = "  ") {
        self.rows = rows
        self.alignments = alignments
        self.minimumWidths = minimumWidths
        self.separator = separator
    }

    /// The width of each column: its widest cell, or its minimum width when that is more.
    package var widths: [Int] {
        let columns = rows.map(\.count).max() ?? 0
        return (0..<columns).map { column in
            let widest = rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
            return Swift.max(widest, column < minimumWidths.count ? minimumWidths[column] : 0)
        }
    }

    /// The rows as lines, every cell padded to its column's width.
    /// - Parameter trimmed: whether spaces at the end of a line are dropped.
    /// - Complexity: O(cells).
    package func lines(trimmed: Bool = true) -> [String] {
        let widths = self.widths
        return rows.map { row in
            let line = widths.indices.map { column in
                let cell = column < row.count ? row[column] : ""
                let alignment = column < alignments.count ? alignments[column] : .left
                return cell.padded(to: widths[column], alignment)
            }.joined(separator: separator)
            return trimmed ? line.trimmingTrailingSpaces() : line
        }
    }
}

extension String {
    /// The text padded with spaces to `width` characters (unchanged when it is as wide or
    /// wider): after it for `.left`, before it for `.right`.
    package func padded(to width: Int, _ alignment: TextTable.Alignment = .left) -> String {
        let fill = String(repeating: " ", count: Swift.max(0, width - count))
        return alignment == .left ? self + fill : fill + self
    }

    /// The text without the spaces at its end.
    package func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
