import Foundation
import HDF5Kit

/// Writes model files.
public enum ModelFileWriter {
    /// Writes `contents` to `url`, replacing an existing file atomically: the file is
    /// written and checked against the schema under a temporary name in the same folder,
    /// then renamed into place. Equal contents give byte-identical files.
    /// - Throws: `ModelFileError.invalidContents` (naming the object) when the contents
    ///   would not make a valid file, `HDF5Error` or `FileReplacementError` when the file
    ///   cannot be written; the target is then left as it was.
    public static func write(_ contents: ModelFileContents, to url: URL) throws {
        let schema = try ModelSchema.embedded()
        try AtomicFileReplacement.replace(url) { temporary in
            let file = try HDF5File.create(at: temporary)
            try ModelFileEncoder.encode(contents, into: file.root, schema: schema)
            try file.flush()
            try file.close()
            let written = try HDF5File.open(temporary)
            let outcome = try LayoutChecker(schema: schema, file: written).run(readingData: false)
            try written.close()
            if let violation = outcome.violations.first {
                throw ModelFileError.invalidContents(file: url.path, violation: violation)
            }
        }
    }
}
