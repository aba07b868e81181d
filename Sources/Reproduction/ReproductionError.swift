/// Why a model file's training cannot be replayed, on one line naming the file.
package enum ReproductionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file records no training step (an untrained or imported model).
    case noSteps(model: String)

    /// The line the command line prints.
    package var description: String {
        switch self {
        case .noSteps(let model): "\(model) records no training step: there is nothing to replay"
        }
    }
}
