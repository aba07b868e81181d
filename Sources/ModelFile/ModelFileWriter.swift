import FileOutput
import Foundation
import HDF5Kit

/// Writes model files.
public enum ModelFileWriter {
    /// Writes `contents` to `url`, replacing an existing file atomically: the file is
    /// written and checked against the schema under a temporary name in the same folder,
    /// then renamed into place. Equal contents give byte-identical files.
    /// - Throws: `ModelFileError.invalidContents` (naming the object) when the contents
    ///   would not make a valid file, `HDF5Error` or `FileWriteError` naming the target
    ///   when the file cannot be written; the target is then left as it was.
    public static func write(_ contents: ModelFileContents, to url: URL) throws {
        let schema = try ModelSchema.embedded()
        try AtomicFile.replace(url) { temporary in
            try write(contents, to: temporary, name: url.path, schema: schema)
            let written = try HDF5File.open(temporary, name: url.path)
            let violations = try LayoutChecker(schema: schema, file: written).run(readingData: false).violations
            try written.close()
            if let violation = violations.first {
                throw ModelFileError.invalidContents(file: url.path, violation: violation)
            }
            try HDF5Seal.seal(temporary, name: url.path)
        }
    }

    /// Writes and closes the new file at `temporary`, which errors call `name`.
    private static func write(_ contents: ModelFileContents, to temporary: URL, name: String,
                              schema: ModelSchema) throws {
        let file = try HDF5File.create(at: temporary, name: name, sealable: true)
        try ModelFileEncoder.encode(contents, into: file.root, schema: schema)
        try file.flush()
        try file.close()
    }
}
