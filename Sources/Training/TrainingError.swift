/// Why training stopped or could not start.
public struct TrainingError: Error, Equatable, CustomStringConvertible {
    /// The one-line description.
    public let description: String

    /// An error with its description.
    public init(_ description: String) {
        self.description = description
    }
}
