/// A reason two files cannot be compared, on one line naming the file or option.
package struct DiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line description.
    package let description: String

    /// An error described by `description`.
    package init(_ description: String) {
        self.description = description
    }
}
