/// A case that cannot be checked (a missing or changed data folder or model file, an
/// unreadable case), on one line naming the case and the file.
package struct RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line description.
    package let description: String

    /// An error described by `description`.
    package init(_ description: String) {
        self.description = description
    }
}
