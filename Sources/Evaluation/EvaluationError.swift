/// A reason evaluation cannot go on, on one line that names the model, the file, the
/// option or the image concerned.
public struct EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line description.
    public let description: String

    /// An error described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
