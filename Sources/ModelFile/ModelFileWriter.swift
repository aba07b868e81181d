import FileOutput
import Foundation
import HDF5Kit

/// Writes model files.
public enum ModelFileWriter {
    /// Writes `contents` to `url`, replacing an existing file atomically: the file is built
    /// in memory, checked against the schema and sealed, then written under a temporary name
    /// in the same folder and renamed into place. Equal contents give byte-identical files,
    /// whatever the number of threads.
    /// - Parameter threads: the threads that prepare the datasets' chunks (default: one
    ///   per core).
    /// - Throws: `ModelFileError.invalidContents` (naming the object) when the contents
    ///   would not make a valid file, `HDF5Error` or `FileWriteError` naming the target
    ///   when the file cannot be written; the target is then left as it was.
    public static func write(_ contents: ModelFileContents, to url: URL,
                             threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let schema = try ModelSchema.embedded()
        let image = try build(contents, name: url.path, schema: schema, threads: threads)
        let violations = try LayoutChecker(schema: schema, file: HDF5File.open(image: image, name: url.path))
            .run(readingData: false).violations
        if let violation = violations.first {
            throw ModelFileError.invalidContents(file: url.path, violation: violation)
        }
        try AtomicFile.write(image, to: url)
    }

    /// The sealed bytes of the file of `contents`, which errors call `name`, built in memory:
    /// the library meets no full disk, which only the final write can find.
    private static func build(_ contents: ModelFileContents, name: String, schema: ModelSchema,
                              threads: Int) throws -> HDF5Image {
        let file = try HDF5File.createInMemory(name: name, sealable: true)
        try withExtendedLifetime(file) {
            try ModelFileEncoder.encode(contents, into: file.root, schema: schema, threads: threads)
        }
        return try file.closeAsImage()
    }
}
