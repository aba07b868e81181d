/// One way a file departs from the schema: the object and the problem.
package struct LayoutViolation: Equatable, Sendable, CustomStringConvertible {
    /// The object's path, for example `/plastic/w`.
    package let path: String
    /// What is wrong, for example `shape [3, 3], expected [S, S] = [101, 101]`.
    package let problem: String

    /// `<path>: <problem>`.
    package var description: String { "\(path): \(problem)" }
}
