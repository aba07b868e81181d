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
    /// How messages name the model: its file's path unless a command names it as its user
    /// gave it.
    package var name: String

    /// A model read from `source`, named by its file's path.
    package init(contents: ModelFileContents, identity: ModelIdentity, source: HDF5StoredFile) {
        self.contents = contents
        self.identity = identity
        self.source = source
        name = source.name
    }
}
