/// The version of plastic-unet, written into every model file it creates.
package enum PlasticUNetVersion {
    /// The version, `MAJOR.MINOR.PATCH` (docs/FORMAT.md, "Versions"): the one place it is
    /// written, moved with each release.
    package static let current = "0.2.0"

    /// The `generator` attribute of model files: `plastic-unet X.Y.Z`.
    package static var generator: String { "plastic-unet \(current)" }
}
