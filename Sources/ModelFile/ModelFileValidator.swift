import Foundation
import HDF5Kit

/// Checks model files against the schema.
package enum ModelFileValidator {
    /// Reads every dataset of the file at `url` in full (so that every chunk's checksum is
    /// verified) and checks names, kinds, dtypes, shapes, storage and attributes against
    /// the schema.
    /// - Returns: the violations, each naming its object; empty for a valid file.
    /// - Throws: only when the file cannot be checked: `HDF5Error` when it cannot be opened
    ///   or a read fails (naming the dataset, e.g. on a checksum mismatch),
    ///   `ModelFileError` when it is not a model file of this format version.
    package static func validate(_ url: URL) throws -> [LayoutViolation] {
        try validate(HDF5FileBytes(url))
    }

    /// Checks the model file whose bytes are `bytes`, as ``validate(_:)-(URL)`` checks a
    /// file; a broken seal is a violation of the root.
    package static func validate(_ bytes: HDF5FileBytes) throws -> [LayoutViolation] {
        let violations = try LayoutChecker(schema: try ModelSchema.embedded(), file: try bytes.open())
            .run(readingData: true).violations
        guard bytes.seal == .broken else { return violations }
        return [LayoutViolation(path: "/", problem: "the seal does not match the file's bytes: the file was "
                                + "damaged, or changed by another program")] + violations
    }
}
