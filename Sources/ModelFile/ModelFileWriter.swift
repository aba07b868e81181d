import FileOutput
import Foundation
import HDF5Kit

/// Writes model files.
package enum ModelFileWriter {
    /// Writes `contents` to `url`, replacing an existing file atomically: the file is written
    /// under a temporary name in the same folder, checked against the schema, sealed,
    /// flushed and renamed into place. Its tensors go to the disk as they are encoded, so
    /// that writing a file takes little memory beyond the contents. Equal contents give
    /// byte-identical files, whatever the number of threads.
    /// - Parameters:
    ///   - threads: the threads that prepare the datasets' chunks (default: one per core).
    ///   - hashing: whether to hash the file written, from its temporary file before the
    ///     rename.
    /// - Returns: with `hashing`, the lowercase hex SHA-256 of the file's bytes, else nil.
    /// - Throws: `ModelFileError.invalidContents` (naming the object) when the contents
    ///   would not make a valid file, `HDF5Error` or `FileWriteError` naming the target
    ///   when the file cannot be written; the target is then left as it was, and no
    ///   temporary file stays behind.
    @discardableResult
    package static func write(_ contents: ModelFileContents, to url: URL,
                              threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                              hashing: Bool = false) throws -> String? {
        let schema = try ModelSchema.embedded()
        var digest: String?
        try AtomicFile.replace(url) { temporary in
            let file = try HDF5File.create(at: temporary, name: url.path, sealable: true)
            try withExtendedLifetime(file) {
                try ModelFileEncoder.encode(contents, into: file.root, schema: schema, threads: threads)
            }
            try file.close()
            let written = try HDF5File.open(temporary, name: url.path)
            let violations = try LayoutChecker(schema: schema, file: written).run(readingData: false).violations
            try written.close()
            if let violation = violations.first {
                throw ModelFileError.invalidContents(file: url.path, violation: violation)
            }
            try HDF5Seal.seal(temporary, name: url.path)
            if hashing { digest = try FileDigest.sha256(of: temporary, name: url.path) }
        }
        return digest
    }
}
