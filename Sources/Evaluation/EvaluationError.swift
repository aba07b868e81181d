import TGSData

/// A reason predicted masks cannot be scored against true ones, on one line that names
/// the file and the ids concerned.
package enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The two sides do not hold the same ids: the true ids that `prediction` lacks, and
    /// the predicted ids that `truth` lacks (either may be empty, not both).
    case differentIDs(missingFromPrediction: [String], prediction: String, missingFromTruth: [String], truth: String)
    /// The true masks are none.
    case noMask(truth: String)
    /// The mask of `id` in `file` has `pixels` pixels, not `size * size`.
    case maskSize(file: String, id: String, pixels: Int, size: Int)

    /// The one-line description.
    package var description: String {
        switch self {
        case .differentIDs(let missingFromPrediction, let prediction, let missingFromTruth, let truth):
            [Self.missing(missingFromPrediction, from: prediction), Self.missing(missingFromTruth, from: truth)]
                .compactMap { $0 }.joined(separator: "; ")
        case .noMask(let truth):
            "\(truth) holds no mask"
        case .maskSize(let file, let id, let pixels, let size):
            "\(file): the mask of \(id) has \(pixels) pixels, not \(size) x \(size)"
        }
    }

    /// `N ids missing from NAME: a, b, c, ...` (the first five in id order), or nil for none.
    private static func missing(_ ids: [String], from name: String) -> String? {
        guard !ids.isEmpty else { return nil }
        let sorted = ids.sorted(by: IDOrder.precedes)
        let shown = sorted.prefix(5).joined(separator: ", ") + (sorted.count > 5 ? ", ..." : "")
        return "\(sorted.count) id\(sorted.count == 1 ? "" : "s") missing from \(name): \(shown)"
    }
}
