import HDF5Kit
import ModelFile

/// The training output of the original PyTorch implementation (`train_data.hdf5`): the
/// head's tensors under `net/` (`w`, `alpha`, `eta`), the loss of every training step as
/// `train/all_losses`, and one-dimensional validation series under `validation/`.
package struct OriginalTrainingOutput: Equatable, Sendable {
    /// The datasets every such file has.
    static let requiredDatasets = ["net/w", "net/alpha", "net/eta", "train/all_losses"]
    /// The group of the validation series.
    static let validationGroup = "validation"

    /// The image size S, from `net/w`.
    package let size: Int
    /// `train/all_losses`.
    package let trainLoss: [Double]
    /// The one-dimensional floating-point series under `validation/`, by name.
    package let validation: [OriginalHistoryRecord.Series]

    /// Whether the file whose root is `root` has the original's layout.
    /// - Throws: `HDF5Error` when the file cannot be listed.
    package static func isOriginal(_ root: HDF5Group) throws -> Bool {
        try requiredDatasets.allSatisfy { try root.kind(at: $0) == .dataset }
    }

    /// Reads the file `stored`.
    /// - Throws: ``InteropError`` naming the first dataset that is missing or not
    ///   floating-point, or a `net/w` that is not square; `HDF5Error` when a dataset cannot
    ///   be read.
    package init(_ stored: HDF5StoredFile) throws {
        let file = stored.file
        let root = file.root
        for path in Self.requiredDatasets where try root.kind(at: path) != .dataset {
            throw InteropError.notOriginalOutput(file: stored.name, missing: path)
        }
        let shape = try root.dataset("net/w").shape()
        guard shape.count == 2, shape[0] == shape[1] else {
            throw InteropError.originalWeightsShape(file: stored.name, shape: shape)
        }
        size = shape[0]
        trainLoss = try Self.numbers(root.dataset("train/all_losses"), file: stored.name)
        var series: [OriginalHistoryRecord.Series] = []
        if try root.kind(at: Self.validationGroup) == .group {
            for entry in try root.group(Self.validationGroup).children() where entry.kind == .dataset {
                let dataset = try root.dataset("\(Self.validationGroup)/\(entry.name)")
                guard try dataset.shape().count == 1, try Self.isFloatingPoint(dataset) else { continue }
                series.append(.init(name: entry.name, values: try Self.numbers(dataset, file: stored.name)))
            }
        }
        validation = series
    }

    /// The record that a model file keeps of this output.
    package func history(sourceSHA256: String) -> OriginalHistoryRecord {
        OriginalHistoryRecord(sourceSHA256: sourceSHA256, trainLoss: trainLoss, validation: validation)
    }

    private static func isFloatingPoint(_ dataset: HDF5Dataset) throws -> Bool {
        [.float32, .float64].contains(try dataset.elementType())
    }

    /// The values of a float32 or float64 dataset, as Double (exactly).
    private static func numbers(_ dataset: HDF5Dataset, file: String) throws -> [Double] {
        switch try dataset.elementType() {
        case .float32: return try dataset.read(Float.self).map(Double.init)
        case .float64: return try dataset.read(Double.self)
        case let other: throw InteropError.notFloatingPoint(file: file, path: dataset.path, type: other)
        }
    }
}
