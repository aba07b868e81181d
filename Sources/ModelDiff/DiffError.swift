import ModelRuns

/// A reason two files cannot be compared, on one line naming the files.
package enum DiffError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The models `first` and `second` record different ids for `split`.
    case differentSplits(first: String, second: String, split: EvaluationSplit)

    /// The one-line description.
    package var description: String {
        switch self {
        case .differentSplits(let first, let second, let split):
            "\(first) and \(second) record different \(split.rawValue) images: use --split all"
        }
    }
}
