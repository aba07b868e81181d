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
    static func read(_ file: String, in layout: DataFolderLayout) throws -> [Row] {
        try read(layout.url(file), name: file)
    }

    /// The rows of the table at `url`, header included.
    /// - Parameter name: how errors name the table.
    /// - Throws: ``DataProblem`` naming the file and line.
    static func read(_ url: URL, name: String) throws -> [Row] {
        guard let data = try? Data(contentsOf: url) else { throw DataProblem(name, "the file cannot be read") }
        guard let text = String(validating: data, as: UTF8.self) else { throw DataProblem(name, "not UTF-8 text") }
        return try parse(text, file: name)
    }

    /// The rows of `text`, header included.
    /// - Parameter file: how errors name the table.
    /// - Throws: ``DataProblem`` naming the file and line.
    /// - Complexity: O(length of `text`).
    static func parse(_ text: String, file: String) throws -> [Row] {
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
                    guard index < bytes.count else { throw DataProblem.row(file, rowLine, "a quoted field is not closed") }
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
                    throw DataProblem.row(file, line, "text after the closing quote of a field")
                }
            } else {
                while index < bytes.count && bytes[index] != comma && !isLineEnd(index) {
                    guard bytes[index] != quote else { throw DataProblem.row(file, line, "a quote inside an unquoted field") }
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
    static func requireHeader(_ expected: [String], of rows: [Row], file: String) throws {
        guard let header = rows.first else {
            throw DataProblem(file, "the file is empty; it must start with the header \(expected.joined(separator: ","))")
        }
        guard header.fields == expected else {
            throw DataProblem.row(file, header.line,
                                  "the header must be \(expected.joined(separator: ",")), found \(header.fields.joined(separator: ","))")
        }
    }
}
