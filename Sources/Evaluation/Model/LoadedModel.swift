import Checksums
import Foundation
import HDF5Kit
import ModelFile

/// A model file read for evaluation: its contents and its identity.
package struct LoadedModel: Sendable {
    /// Everything the file holds.
    package let contents: ModelFileContents
    /// What identifies the file in reports.
    package let identity: ModelIdentity

    /// A model from its parts.
    package init(contents: ModelFileContents, identity: ModelIdentity) {
        self.contents = contents
        self.identity = identity
    }

    /// Reads the model file at `url` (checking it against the schema and every checksum of
    /// what it decodes) and hashes its bytes: the bytes read once, so that the bytes hashed
    /// are the bytes parsed.
    /// - Throws: the errors of `ModelFileReader.read`; ``EvaluationError`` when the root
    ///   lacks its format version or generator.
    package static func load(_ url: URL) throws -> LoadedModel {
        let bytes = try HDF5FileBytes(url)
        let contents = try ModelFileReader.read(bytes)
        // The bytes passed the containment (or carry an intact seal) in the read above.
        let file = try HDF5File.open(image: bytes.bytes, name: bytes.name)
        let formatVersion = try file.root.attribute("format_version")?.int64Value
        let generator = try file.root.attribute("generator")?.stringValue
        try file.close()
        guard let formatVersion, let generator else {
            throw EvaluationError("\(url.path): the root lacks format_version or generator")
        }
        return LoadedModel(contents: contents, identity: ModelIdentity(contents: contents,
                                                                       sha256: SHA256.hash(bytes.bytes).hex,
                                                                       formatVersion: formatVersion,
                                                                       generator: generator))
    }
}
