import FileOutput
import Foundation
import HDF5Kit
import Kernels

/// The tensors of a PyTorch `state_dict` as a flat HDF5 file: at the root, one float32
/// dataset per key, named by the key (`conv1.dconv.0.weight`, `w`, `alpha`, `eta`) with the
/// tensor's PyTorch shape, and optionally the trace as the dataset `hebb` (S x S), whose
/// attribute `samples` keeps the number of updates behind it. h5py writes and reads it
/// with a dictionary comprehension; nothing else is in it.
package struct TorchStateDict: Equatable, Sendable {
    /// One tensor of the `state_dict`.
    package struct Entry: Equatable, Sendable {
        /// The `state_dict` key.
        package let key: String
        /// The values in PyTorch's shape, row-major.
        package let tensor: Tensor

        /// An entry from its parts.
        package init(key: String, tensor: Tensor) {
            self.key = key
            self.tensor = tensor
        }
    }

    /// The name of the trace's dataset.
    package static let traceKey = "hebb"
    /// The name of the trace dataset's attribute that counts its updates.
    package static let traceSamplesAttribute = "samples"

    /// The tensors, in the order of the original module's `state_dict`.
    package var entries: [Entry]
    /// The trace H, when the file has one.
    package var trace: Tensor?
    /// The number of updates behind the trace, when the file records it.
    package var traceSamples: Int64?

    /// A `state_dict` from its parts.
    package init(entries: [Entry], trace: Tensor?, traceSamples: Int64?) {
        self.entries = entries
        self.trace = trace
        self.traceSamples = traceSamples
    }

    /// The tensor of `key`, or nil.
    package subscript(key: String) -> Tensor? {
        entries.first { $0.key == key }?.tensor
    }

    /// Writes the file, replacing `url` atomically.
    /// - Throws: `HDF5Error` or `FileWriteError` naming `url`; the target is then unchanged.
    package func write(to url: URL) throws {
        try AtomicFile.replace(url) { temporary in
            let file = try HDF5File.create(at: temporary, name: url.path)
            try withExtendedLifetime(file) {
                for entry in entries {
                    try file.root.createDataset(entry.key, shape: entry.tensor.shape, values: entry.tensor.scalars)
                }
                if let trace {
                    let dataset = try file.root.createDataset(Self.traceKey, shape: trace.shape, values: trace.scalars)
                    if let traceSamples {
                        try dataset.setAttribute(Self.traceSamplesAttribute, .int64(traceSamples))
                    }
                }
            }
            try file.close()
        }
    }

    /// Reads the flat file `stored`: every root dataset of float32 numbers, `hebb` as the
    /// trace.
    /// - Throws: `InteropError` naming the object when the root holds a group or a dataset
    ///   that is not float32 (a model file among them); `HDF5Error` when a dataset cannot
    ///   be read.
    package static func read(_ stored: HDF5StoredFile) throws -> TorchStateDict {
        let file = stored.file
        var entries: [Entry] = []
        var trace: Tensor?
        var traceSamples: Int64?
        for child in try file.root.children() {
            guard child.kind == .dataset else {
                throw InteropError.notADataset(file: stored.name, path: child.path)
            }
            let dataset = try file.root.dataset(child.name)
            let type = try dataset.elementType()
            guard type == .float32 else {
                throw InteropError.notFloat32(file: stored.name, key: child.name, type: type)
            }
            let tensor = Tensor(shape: try dataset.shape(), scalars: try dataset.read(Float.self))
            if child.name == traceKey {
                trace = tensor
                if case .int64(let samples)? = try dataset.attribute(traceSamplesAttribute) { traceSamples = samples }
            } else {
                entries.append(Entry(key: child.name, tensor: tensor))
            }
        }
        return TorchStateDict(entries: entries, trace: trace, traceSamples: traceSamples)
    }
}
