import Foundation

/// Golden files on disk: reading and writing cases, finding them in folders, and the
/// paths a case names relative to its file.
package enum GoldenCaseFile {
    /// The suffix of the file a failed check writes beside its case.
    package static let obtainedSuffix = ".obtained.json"

    /// The case in the file at `url`.
    /// - Throws: ``RegressionError`` naming the file when it cannot be read or is not a
    ///   golden case of this format version.
    package static func read(_ url: URL) throws -> GoldenCase {
        guard let data = try? Data(contentsOf: url) else {
            throw RegressionError.unopenable(file: url.path)
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf",
                                                                        negativeInfinity: "-inf", nan: "nan")
        if let header = try? decoder.decode(Header.self, from: data),
           header.format != GoldenCase.formatName || !GoldenCase.versions.contains(header.formatVersion) {
            throw RegressionError.otherFormat(file: url.path, format: header.format, version: header.formatVersion)
        }
        let golden: GoldenCase
        do {
            golden = try decoder.decode(GoldenCase.self, from: data)
        } catch {
            throw RegressionError.notAGoldenCase(file: url.path, reason: describe(error))
        }
        return golden
    }

    /// What a file says it is.
    private struct Header: Decodable {
        let format: String
        let formatVersion: Int

        private enum CodingKeys: String, CodingKey {
            case format
            case formatVersion = "format_version"
        }
    }

    /// The case's JSON text: keys sorted, indented, numbers exact, ending with a line feed.
    package static func text(of golden: GoldenCase) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        let data = try! encoder.encode(golden) // plain values with every float spelled out cannot fail
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The case files at `paths`: each file as it is, each folder's `*.json` files (not
    /// the `*.obtained.json` ones, not in subfolders), in name order.
    /// - Throws: ``RegressionError`` naming a path that does not exist or a folder without cases.
    package static func cases(at paths: [String]) throws -> [URL] {
        try paths.flatMap { path -> [URL] in
            let (url, names) = try entries(at: path)
            guard let names else { return [url] }
            let found = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(obtainedSuffix) }.sorted()
            guard !found.isEmpty else { throw RegressionError.noCases(folder: path) }
            return found.map { url.appendingPathComponent($0) }
        }
    }

    /// The file at `path` (no names), or the folder at `path` and the names in it.
    /// - Throws: ``RegressionError/noSuchPath(_:)`` when nothing is there.
    static func entries(at path: String) throws -> (url: URL, folderNames: [String]?) {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RegressionError.noSuchPath(path)
        }
        return (url, isFolder.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] : nil)
    }

    /// Where a failed check of the case at `url` writes what it obtained.
    package static func obtainedURL(for url: URL) -> URL {
        let name = url.lastPathComponent
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        return url.deletingLastPathComponent().appendingPathComponent(stem + obtainedSuffix)
    }

    /// The case file whose failed check wrote `obtainedURL` (the inverse of
    /// ``obtainedURL(for:)``).
    package static func caseURL(for obtainedURL: URL) -> URL {
        let stem = obtainedURL.lastPathComponent.dropLast(obtainedSuffix.count)
        return obtainedURL.deletingLastPathComponent().appendingPathComponent(stem + ".json")
    }

    /// The file `path` names in the case at `caseURL`: relative to the case's folder
    /// unless absolute.
    static func resolve(_ path: String, from caseURL: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : caseURL.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
    }

    /// The path of `target` relative to the folder of the case file `caseURL`.
    package static func relativePath(of target: URL, from caseURL: URL) -> String {
        let from = caseURL.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let shared = zip(from, to).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "bad value at \(path)"
        default:
            return "\(error)"
        }
    }
}
