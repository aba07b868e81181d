import Checksums
import Foundation
import HDF5Kit

/// Reads model files: the one place that turns a file into a ``StoredModel``.
package enum ModelFileReader {
    /// Reads the model file at `url` once (``HDF5Reading/read(_:name:)``: its bytes, its
    /// seal, the containment where it is unsealed, the library's parse), checks its
    /// `format`, `format_version` and layout against the schema (shapes must match the
    /// file's config exactly), decodes it and hashes its bytes.
    /// - Parameters:
    ///   - reading: how the program reads HDF5 files.
    ///   - name: how errors name the file (default: its path).
    ///   - expectedSHA256: the digest the file must have (a file that a record names by
    ///     it), checked before the file is parsed.
    ///   - threads: the threads that decode the tensors (default: one per core); the
    ///     contents do not depend on it.
    /// - Throws: `HDF5Error` when the file cannot be read or parsed (not HDF5, damaged, a
    ///   checksum mismatch); `ModelFileError` when it has another digest than
    ///   `expectedSHA256`, is not a model file of this format version, was written by a
    ///   newer version, or departs from the schema (the first violation, naming the object).
    package static func read(_ url: URL, using reading: HDF5Reading, name: String? = nil,
                             expectedSHA256: String? = nil,
                             threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> StoredModel {
        let bytes = try reading.readBytes(url, name: name)
        let digest = SHA256.hash(bytes.bytes).hex
        if let expectedSHA256, digest != expectedSHA256 {
            throw ModelFileError.otherFile(file: bytes.name, sha256: digest, expected: expectedSHA256)
        }
        return try decode(try reading.parse(bytes), sha256: digest, threads: threads)
    }

    /// The model that the file `stored` holds, as ``read(_:using:name:expectedSHA256:threads:)``
    /// reads a file: for a file already read, whose bytes are not read or parsed again.
    /// - Parameter sha256: the digest of the file's bytes when the caller has it.
    package static func decode(_ stored: HDF5StoredFile, sha256: String? = nil,
                               threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> StoredModel {
        let file = stored.file
        let schema = try ModelSchema.embedded()
        let outcome = try LayoutChecker(schema: schema, file: file).run(readingData: false)
        if let violation = outcome.violations.first {
            throw ModelFileError.invalidLayout(file: file.path, violation: violation)
        }
        guard let configuration = outcome.configuration, let generator = outcome.generator else {
            throw ModelFileError.invalidLayout(file: file.path,
                                               violation: LayoutViolation(path: "/", problem: "no usable config"))
        }
        let contents = try ModelFileDecoder(root: file.root, file: file.path, configuration: configuration,
                                            schema: schema, threads: threads).decode()
        let identity = ModelIdentity(contents: contents, sha256: sha256 ?? SHA256.hash(stored.bytes.bytes).hex,
                                     formatVersion: schema.formatVersion, generator: generator)
        return StoredModel(contents: contents, identity: identity, source: stored, givenName: nil)
    }
}
