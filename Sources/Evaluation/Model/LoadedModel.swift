import Checksums
import Foundation
import HDF5Kit
import ModelFile

/// A model file read for evaluation: its contents and its identity.
public struct LoadedModel: Sendable {
    /// Everything the file holds.
    public let contents: ModelFileContents
    /// What identifies the file in reports.
    public let identity: ModelIdentity

    /// A model from its parts.
    public init(contents: ModelFileContents, identity: ModelIdentity) {
        self.contents = contents
        self.identity = identity
    }

    /// Reads the model file at `url` (checking it against the schema and every checksum of
    /// what it decodes) and hashes its bytes.
    /// - Throws: the errors of `ModelFileReader.read`; ``EvaluationError`` when the file
    ///   cannot be read for hashing.
    public static func load(_ url: URL) throws -> LoadedModel {
        let contents = try ModelFileReader.read(url)
        let file = try HDF5File.open(url)
        let formatVersion = try file.root.attribute("format_version")?.int64Value
        let generator = try file.root.attribute("generator")?.stringValue
        try file.close()
        guard let formatVersion, let generator else {
            throw EvaluationError("\(url.path): the root lacks format_version or generator")
        }
        guard let bytes = try? Data(contentsOf: url) else {
            throw EvaluationError("cannot read \(url.path): the file cannot be opened")
        }
        return LoadedModel(contents: contents, identity: ModelIdentity(contents: contents, sha256: SHA256.hash(bytes).hex,
                                                                       formatVersion: formatVersion,
                                                                       generator: generator))
    }
}
