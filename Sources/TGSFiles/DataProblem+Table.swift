extension DataProblem {
    /// What makes a table (`train.csv`, `depths.csv`, a submission) unusable as a whole.
    package enum TableProblem: Equatable, Sendable, CustomStringConvertible {
        /// The file cannot be read.
        case unreadable
        /// The file is not UTF-8 text.
        case notUTF8
        /// The file is empty; it must start with `header`.
        case empty(header: [String])
        /// The table has its header and no row.
        case onlyHeader
        /// No row makes a sample.
        case noSamples

        /// What is wrong, as it follows `FILE: `.
        package var description: String {
            switch self {
            case .unreadable: "the file cannot be read"
            case .notUTF8: "not UTF-8 text"
            case .empty(let header): "the file is empty; it must start with the header \(header.joined(separator: ","))"
            case .onlyHeader: "no samples (only the header)"
            case .noSamples: "no samples"
            }
        }
    }

    /// What is wrong with a row of a table.
    package enum RowProblem: Equatable, Sendable, CustomStringConvertible {
        /// A quoted field is not closed before the end of the file.
        case unclosedQuote
        /// Text follows the closing quote of a field.
        case textAfterQuote
        /// An unquoted field holds a quote.
        case quoteInUnquotedField
        /// The first row is not the header `expected`.
        case header(expected: [String], found: [String])
        /// The row has `found` fields, not one per column of `header`.
        case fieldCount(header: [String], found: Int)
        /// The id is empty.
        case emptyID
        /// The id is not a file-name stem (it holds `/`, `\` or `..`).
        case idNotAStem(String)
        /// The id holds a control character.
        case idWithControlCharacter(String)
        /// The id is on an earlier row, the one that starts on `firstLine`.
        case duplicateID(String, firstLine: Int)
        /// The depth `z` is not a finite number.
        case depthNotANumber(String)

        /// What is wrong, as it follows `FILE:LINE: `.
        package var description: String {
            switch self {
            case .unclosedQuote:
                "a quoted field is not closed"
            case .textAfterQuote:
                "text after the closing quote of a field"
            case .quoteInUnquotedField:
                "a quote inside an unquoted field"
            case .header(let expected, let found):
                "the header must be \(expected.joined(separator: ",")), found \(found.joined(separator: ","))"
            case .fieldCount(let header, let found):
                "expected \(header.count) fields (\(header.joined(separator: ","))), found \(found)"
            case .emptyID:
                "empty id"
            case .idNotAStem(let id):
                "id \"\(id)\" is not a file-name stem (no \"/\", \"\\\" or \"..\")"
            case .idWithControlCharacter(let id):
                "id \"\(id.debugDescription.dropFirst().dropLast())\" contains a control character"
            case .duplicateID(let id, let firstLine):
                "duplicate id \"\(id)\" (first on line \(firstLine))"
            case .depthNotANumber(let text):
                "z \"\(text)\" is not a number"
            }
        }
    }
}
