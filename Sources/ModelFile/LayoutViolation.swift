/// One way a file departs from the schema: the object and the problem.
public struct LayoutViolation: Equatable, Sendable, CustomStringConvertible {
    /// The object's path, for example `/plastic/w`.
    public let path: String
    /// What is wrong, for example `shape [3, 3], expected [S, S] = [101, 101]`.
    public let problem: String

    /// A violation from its parts.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// `<path>: <problem>`.
    public var description: String { "\(path): \(problem)" }
}
