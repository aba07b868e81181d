/// A reason two files cannot be compared, on one line naming the file or option.
public struct DiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line description.
    public let description: String

    /// An error described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
