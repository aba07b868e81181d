import HDF5Kit
import Kernels

/// The float32 tensors of a model file, read at once: their chunks are decoded on several
/// threads (``HDF5Group/read(_:datasets:threads:)``).
struct ModelFileTensors {
    /// The file's path, for errors.
    private let file: String
    private var tensors: [String: Tensor] = [:]

    /// Reads the tensor at each path of `shapes` below `root`; each must have the shape
    /// given with its path.
    /// - Throws: `ModelFileError.invalidLayout` naming a tensor of another shape;
    ///   `HDF5Error` when a read fails.
    init(reading shapes: [(path: String, shape: [Int])], below root: HDF5Group, file: String,
         threads: Int) throws {
        self.file = file
        let read = try root.read(Float.self, datasets: shapes.map { relative($0.path) }, threads: threads)
        for ((path, shape), dataset) in zip(shapes, read) {
            guard dataset.shape == shape else { throw invalid(path, "shape \(dataset.shape), expected \(shape)") }
            tensors[path] = Tensor(shape: shape, scalars: dataset.elements)
        }
    }

    /// The tensor at `path`.
    /// - Throws: `ModelFileError.invalidLayout` when it was not read.
    func tensor(_ path: String) throws -> Tensor {
        guard let tensor = tensors[path] else { throw invalid(path, "missing") }
        return tensor
    }

    private func invalid(_ path: String, _ problem: String) -> ModelFileError {
        .invalidLayout(file: file, violation: LayoutViolation(path: path, problem: problem))
    }
}
