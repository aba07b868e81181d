/// Why training stopped or could not start.
package struct TrainingError: Error, Equatable, CustomStringConvertible {
    /// The one-line description.
    package let description: String

    /// An error with its description.
    package init(_ description: String) {
        self.description = description
    }
}
