/// The version of plastic-unet, written into every model file it creates.
package enum PlasticUNetVersion {
    /// The version, `X.Y.Z`.
    package static let current = "0.1.0"

    /// The `generator` attribute of model files: `plastic-unet X.Y.Z`.
    package static var generator: String { "plastic-unet \(current)" }
}
