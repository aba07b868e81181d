import HDF5Kit
import ParallelWork
import Reports

/// The values of one dataset that both files hold, read and compared.
struct DatasetPair {
    /// How the values compare, nil when they are identical or of other shapes (a shape
    /// difference is metadata).
    let outcome: DiffReport.DatasetValues?
    /// How far the tensor moved, for a tensor of a model (a dataset with a `torch_name`,
    /// or one under `/trace`) of floats; nil otherwise.
    let movement: DiffReport.TensorMovement?

    /// Reads the dataset `a` of `first` and `b` of `second` and compares their values.
    /// - Throws: `HDF5Error` naming the file and dataset when a read fails.
    init(_ a: HDF5Listing.Object, _ b: HDF5Listing.Object, _ first: FileListing, _ second: FileListing,
         tolerance: Tolerance) throws {
        let torchName = a.attribute("torch_name")?.stringValue ?? b.attribute("torch_name")?.stringValue
        guard let shape = a.shape, a.shape == b.shape else {
            (outcome, movement) = (nil, nil)
            return
        }
        let pending = (try first.dataset(a.path).pendingValues(), try second.dataset(b.path).pendingValues())
        let read = try OrderedWork.map(count: 2, threads: 2) { side in try (side == 0 ? pending.0 : pending.1).values() }
        let values = (read[0], read[1])
        let result: DiffReport.DatasetValues.Outcome
        switch values {
        case let (x?, y?):
            if let comparison = ValueComparison.compare(x, y, shape: shape, tolerance: tolerance) {
                result = .compared(comparison)
            } else {
                result = .notCompared("\(a.dtype ?? "?") against \(b.dtype ?? "?")")
            }
        default:
            result = .notCompared("values of type \(values.0 == nil ? a.dtype ?? "?" : b.dtype ?? "?") are not read")
        }
        if case .compared(let comparison) = result, comparison.isIdentical {
            outcome = nil
        } else {
            outcome = DiffReport.DatasetValues(path: a.path, torchName: torchName, shape: shape, outcome: result)
        }
        if torchName != nil || a.path.hasPrefix("/trace/"), case let (.floats(x)?, .floats(y)?) = values {
            movement = DiffReport.TensorMovement(path: a.path, torchName: torchName, normA: Self.norm(x),
                                                 change: Self.distance(x, y))
        } else {
            movement = nil
        }
    }

    /// `sqrt(Σ x²)`, summed in order in double precision.
    private static func norm(_ x: [Double]) -> Double {
        x.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// `sqrt(Σ (y - x)²)`, summed in order in double precision.
    private static func distance(_ x: [Double], _ y: [Double]) -> Double {
        zip(x, y).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }.squareRoot()
    }
}

extension DiffReport.TensorMovement {
    /// The order of the "what moved" table: the largest relative change first, new tensors
    /// (moved from zero) before all, NaN after all, then by path.
    static func mostMovedFirst(_ x: Self, _ y: Self) -> Bool {
        func rank(_ m: Self) -> Double {
            guard let relative = m.relativeChange else { return .infinity }
            return relative.isNaN ? -.infinity : relative
        }
        let (left, right) = (rank(x), rank(y))
        return left != right ? left > right : x.path < y.path
    }
}
