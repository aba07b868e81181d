import FileOutput
import Foundation

/// A JSON file of a sweep (the plan, a result): a `format` name and a `format_version`
/// that readers check, written atomically with sorted keys.
protocol SweepFile: Codable {
    /// The value of `format`.
    static var format: String { get }
    /// The value of `format_version` written.
    static var formatVersion: Int { get }
    /// The values of `format_version` read: this version and the older ones it extends.
    static var readableVersions: ClosedRange<Int> { get }
    /// What the file is, in words, for messages (`sweep plan`).
    static var kind: String { get }
    /// The file's `format`.
    var format: String { get }
    /// The file's `format_version`.
    var formatVersion: Int { get }
}

extension SweepFile {
    /// Writes the file to `url` atomically: pretty-printed JSON with sorted keys and a final
    /// newline.
    /// - Throws: `FileWriteError` naming the file.
    func writeJSON(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(Array(try encoder.encode(self)) + [0x0A], to: url)
    }

    /// The file at `url`, or nil when there is none.
    /// - Throws: ``SweepError`` naming the file when it is not JSON of this format and
    ///   version.
    static func readJSON(_ url: URL) throws -> Self? {
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return nil }
        let file: Self
        do {
            file = try JSONDecoder().decode(Self.self, from: bytes)
        } catch {
            throw SweepError.unreadable(file: url.path, kind: kind, reason: SweepError.reason(of: error))
        }
        guard file.format == format, readableVersions.contains(file.formatVersion) else {
            throw SweepError.otherFormat(file: url.path, format: file.format, version: file.formatVersion,
                                         expected: format, expectedVersions: readableVersions)
        }
        return file
    }
}
