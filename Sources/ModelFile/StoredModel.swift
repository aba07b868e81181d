import HDF5Kit

/// A model file as read once (``ModelFileReader``): everything it holds, what identifies
/// it, and the file itself (its bytes and the library's parse of them) for those that
/// compare files or record where a model came from.
package struct StoredModel {
    /// Everything the file holds.
    package let contents: ModelFileContents
    /// Its digest, format, generator and training progress.
    package let identity: ModelIdentity
    /// The file as read.
    package let source: HDF5StoredFile
    /// The name a command gives the model, as its user gave it.
    var givenName: String?

    /// How messages name the model: its file's path unless a command names it as its user
    /// gave it.
    package var name: String {
        get { givenName ?? source.name }
        set { givenName = newValue }
    }
}
