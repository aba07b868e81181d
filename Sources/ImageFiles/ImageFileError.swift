/// An image file that could not be read.
public struct ImageFileError: Error, Equatable, CustomStringConvertible {
    /// The file as the caller named it (a path, or a path relative to a data folder).
    public let name: String
    /// What went wrong, in a few words.
    public let reason: String

    /// An error reading `name`.
    public init(_ name: String, _ reason: String) {
        self.name = name
        self.reason = reason
    }

    /// `cannot read NAME: REASON`, on one line.
    public var description: String { "cannot read \(name): \(reason)" }
}
