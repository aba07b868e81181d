import Foundation
import HDF5Kit

/// Reads model files.
package enum ModelFileReader {
    /// Reads the model file at `url`: checks its `format` and `format_version`, then its
    /// layout against the schema (shapes must match the file's config exactly), then
    /// decodes it.
    /// - Parameter threads: the threads that decode the tensors (default: one per core);
    ///   the contents do not depend on it.
    /// - Throws: `HDF5Error` when the file cannot be opened or read (not HDF5, damaged, a
    ///   checksum mismatch); `ModelFileError` when it is not a model file of this format
    ///   version or departs from the schema (the first violation, naming the object).
    package static func read(_ url: URL,
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ModelFileContents {
        try read(HDF5FileBytes(url), threads: threads)
    }

    /// Reads the model file whose bytes are `bytes`, as ``read(_:threads:)-(URL,_)`` reads a
    /// file.
    package static func read(_ bytes: HDF5FileBytes,
                            threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ModelFileContents {
        let url = URL(fileURLWithPath: bytes.name)
        let file = try bytes.open()
        let schema = try ModelSchema.embedded()
        let outcome = try LayoutChecker(schema: schema, file: file).run(readingData: false)
        if let violation = outcome.violations.first {
            throw ModelFileError.invalidLayout(file: url.path, violation: violation)
        }
        guard let configuration = outcome.configuration else {
            throw ModelFileError.invalidLayout(file: url.path,
                                               violation: LayoutViolation(path: "/", problem: "no usable config"))
        }
        return try ModelFileDecoder(root: file.root, file: url.path, configuration: configuration,
                                    schema: schema, threads: threads).decode()
    }
}
