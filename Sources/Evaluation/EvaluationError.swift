/// A reason evaluation cannot go on, on one line that names the model, the file, the
/// option or the image concerned.
package struct EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line description.
    package let description: String

    /// An error described by `description`.
    package init(_ description: String) {
        self.description = description
    }
}
