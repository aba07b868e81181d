/// A model file that cannot be read or written, described on one line that names the
/// file and, where there is one, the object; or a configuration or the schema that a
/// model file cannot be checked against.
package enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is HDF5 but not a plastic-unet model file (no or another `format`).
    case notAModelFile(file: String, reason: String)
    /// The file is a model file of a `format_version` (`found`) this version does not read.
    case unsupportedVersion(file: String, found: String, supported: Int64)
    /// The file holds something this version does not know (a config key, an object): a
    /// newer version wrote it, and this one cannot follow it.
    case newerVersion(file: String, generator: String?, unknown: String)
    /// The file is not the one a record names by its digest.
    case otherFile(file: String, sha256: String, expected: String)
    /// The file departs from the schema.
    case invalidLayout(file: String, violation: LayoutViolation)
    /// The contents to write would not make a valid file; nothing was written.
    case invalidContents(file: String, violation: LayoutViolation)
    /// The file just written cannot be read back to hash it.
    case unhashable(file: String)
    /// A `config` attribute (or its JSON text) that is not a run configuration.
    case configuration(ConfigurationProblem)
    /// The schema is not usable: a build defect that the tests catch.
    case schema(SchemaProblem)

    /// For example `/x/m.h5: /plastic/w: missing`.
    package var description: String {
        switch self {
        case .notAModelFile(let file, let reason):
            "\(file): not a plastic-unet model file (\(reason))"
        case .unsupportedVersion(let file, let found, let supported):
            "\(file): format_version \(found) is not supported (this version reads \(supported))"
        case .newerVersion(let file, let generator, let unknown):
            "\(file): written by a newer plastic-unet (\(generator ?? "no generator")); this is "
                + "\(PlasticUNetVersion.current), which does not know \(unknown)"
        case .otherFile(let file, let sha256, let expected):
            "\(file) is not the file expected (its sha256 is \(sha256), expected \(expected))"
        case .invalidLayout(let file, let violation):
            "\(file): \(violation)"
        case .invalidContents(let file, let violation):
            "cannot write \(file): \(violation)"
        case .unhashable(let file):
            "\(file): hash failed: the file cannot be read"
        case .configuration(let problem):
            "config: \(problem)"
        case .schema(let problem):
            "model schema: \(problem)"
        }
    }
}
