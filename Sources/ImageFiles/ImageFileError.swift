/// An image file that could not be read.
package struct ImageFileError: Error, Equatable, CustomStringConvertible {
    /// The file as the caller named it (a path, or a path relative to a data folder).
    package let name: String
    /// What went wrong, in a few words.
    package let reason: String

    /// An error reading `name`.
    package init(_ name: String, _ reason: String) {
        self.name = name
        self.reason = reason
    }

    /// `cannot read NAME: REASON`, on one line.
    package var description: String { "cannot read \(name): \(reason)" }
}
