import Foundation

/// Comma-separated tables as RFC 4180 defines them.
///
/// Fields may be quoted (`"a,b"`, with `""` for a quote inside); records end with CRLF
/// or LF; the last record may lack its line end; empty lines are skipped; a UTF-8 byte
/// order mark at the start is ignored. A quote inside an unquoted field, text after a
/// closing quote and an unclosed quote are errors.
package enum CSVTable {
    /// One record and the line (counting from 1) it starts on.
    struct Row: Equatable {
        let fields: [String]
        let line: Int
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The rows of the table `file` in `layout`, header included.
    /// - Throws: ``DataProblem`` naming the file and line.
    static func read(_ file: String, in layout: DataFolderLayout) throws(DataProblem) -> [Row] {
        try read(layout.url(file), name: file)
    }

    /// The rows of the table at `url`, header included.
    /// - Parameter name: how errors name the table.
    /// - Throws: ``DataProblem`` naming the file and line.
    static func read(_ url: URL, name: String) throws(DataProblem) -> [Row] {
        guard let data = try? Data(contentsOf: url) else { throw .table(file: name, .unreadable) }
        guard let text = String(validating: data, as: UTF8.self) else { throw .table(file: name, .notUTF8) }
        return try parse(text, file: name)
    }

    /// The rows of `text`, header included.
    /// - Parameter file: how errors name the table.
    /// - Throws: ``DataProblem`` naming the file and line.
    /// - Complexity: O(length of `text`).
    static func parse(_ text: String, file: String) throws(DataProblem) -> [Row] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var rows: [Row] = []
        var fields: [String] = []
        var line = 1, rowLine = 1
        var index = 0
        func isLineEnd(_ at: Int) -> Bool {
            at < bytes.count && (bytes[at] == lineFeed || (bytes[at] == carriageReturn && at + 1 < bytes.count && bytes[at + 1] == lineFeed))
        }
        while true {
            var field: [UInt8] = []
            if index < bytes.count && bytes[index] == quote {
                index += 1
                while true {
                    guard index < bytes.count else { throw .row(file: file, line: rowLine, .unclosedQuote) }
                    let byte = bytes[index]
                    index += 1
                    if byte == quote {
                        guard index < bytes.count && bytes[index] == quote else { break }
                        index += 1
                    } else if byte == lineFeed {
                        line += 1
                    }
                    field.append(byte)
                }
                guard index == bytes.count || bytes[index] == comma || isLineEnd(index) else {
                    throw .row(file: file, line: line, .textAfterQuote)
                }
            } else {
                while index < bytes.count && bytes[index] != comma && !isLineEnd(index) {
                    guard bytes[index] != quote else { throw .row(file: file, line: line, .quoteInUnquotedField) }
                    field.append(bytes[index])
                    index += 1
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            if index < bytes.count && bytes[index] == comma {
                index += 1
                continue
            }
            if fields != [""] { rows.append(Row(fields: fields, line: rowLine)) }
            fields = []
            guard index < bytes.count else { break }
            index += bytes[index] == carriageReturn ? 2 : 1
            line += 1
            rowLine = line
            guard index < bytes.count else { break }
        }
        return rows
    }

    /// One record: the fields joined by commas, quoted where RFC 4180 requires it, and a
    /// line feed.
    package static func record(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\n"
    }

    /// Throws unless `rows` starts with the header `expected`.
    /// - Throws: ``DataProblem`` naming the file and line 1.
    static func requireHeader(_ expected: [String], of rows: [Row], file: String) throws(DataProblem) {
        guard let header = rows.first else { throw .table(file: file, .empty(header: expected)) }
        guard header.fields == expected else {
            throw .row(file: file, line: header.line, .header(expected: expected, found: header.fields))
        }
    }
}
