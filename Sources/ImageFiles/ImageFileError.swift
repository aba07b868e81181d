/// An image file that could not be read or written.
public struct ImageFileError: Error, Equatable, CustomStringConvertible {
    /// Whether the file was being read or written.
    public enum Operation: String, Sendable {
        case read, write
    }

    /// What was being done.
    public let operation: Operation
    /// The file as the caller named it (a path, or a path relative to a data folder).
    public let name: String
    /// What went wrong, in a few words.
    public let reason: String

    /// An error reading or writing `name`.
    public init(_ operation: Operation, _ name: String, _ reason: String) {
        self.operation = operation
        self.name = name
        self.reason = reason
    }

    /// `cannot read NAME: REASON` (or `cannot write …`), on one line.
    public var description: String { "cannot \(operation.rawValue) \(name): \(reason)" }
}
