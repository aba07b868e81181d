import HDF5Kit

/// Checks model files against the schema.
package enum ModelFileValidator {
    /// Reads every dataset of the file `stored` in full (so that every chunk's checksum is
    /// verified) and checks names, kinds, dtypes, shapes, storage and attributes against
    /// the schema; a broken seal is a violation of the root.
    /// - Returns: the violations, each naming its object; empty for a valid file.
    /// - Throws: only when the file cannot be checked: `HDF5Error` when a read fails
    ///   (naming the dataset, e.g. on a checksum mismatch), `ModelFileError` when it is not
    ///   a model file of this format version or was written by a newer version.
    package static func validate(_ stored: HDF5StoredFile) throws -> [LayoutViolation] {
        let violations = try LayoutChecker(schema: try ModelSchema.embedded(), file: stored.file)
            .run(readingData: true).violations
        guard stored.bytes.seal == .broken else { return violations }
        return [LayoutViolation(path: "/", problem: "the seal does not match the file's bytes: the file was "
                                + "damaged, or changed by another program")] + violations
    }
}
