import Checksums
import Foundation
import HDF5Kit
import ModelFile
import ParallelWork
import Reports

/// Compares two HDF5 files: their structure and metadata, the values of every dataset
/// both hold, and, for two model files, their configs key by key and how far each tensor
/// moved.
package enum FileDiff {
    /// What to compare and how.
    package struct Options: Sendable {
        /// The tolerance of the numeric comparison.
        package var tolerance: Tolerance
        /// When not empty, only the objects at or under these paths are compared (the root's
        /// attributes and the config are then left out).
        package var only: [String]
        /// Whether the files' SHA-256 digests are computed (on another thread, while the
        /// files are compared), for a report that names the files by their contents.
        package var hashFiles: Bool

        /// Options from their parts.
        package init(tolerance: Tolerance = .exact, only: [String] = [], hashFiles: Bool = true) {
            self.tolerance = tolerance
            self.only = only
            self.hashFiles = hashFiles
        }
    }

    /// The root attributes that the model-aware report treats on their own: the program's
    /// version (shown, never a difference) and the config (key by key).
    static let generatorAttribute = "generator", configAttribute = "config"

    /// Compares the files `a` and `b`, each as read once.
    /// - Parameters:
    ///   - behaviour: the two models' predictions, when asked for.
    ///   - digests: the files' SHA-256 digests when the caller has them already (read as
    ///     models); with ``Options/hashFiles`` and without them, they are computed here.
    /// - Throws: `HDF5Error` naming the file (and object) that cannot be read.
    /// - Complexity: O(elements of both files).
    package static func compare(_ a: HDF5StoredFile, _ b: HDF5StoredFile, options: Options,
                                behaviour: BehaviourComparison? = nil,
                                digests: (String, String)? = nil) throws -> DiffReport {
        let first = try FileListing(a), second = try FileListing(b)
        let sides = (side(first), side(second))
        let models = sides.0.isModel && sides.1.isModel
        let inScope = { (path: String) in options.only.isEmpty ? true : options.only.contains { prefix in
            path == prefix || path.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
        } && path != "/" }
        let left = first.objects.filter { inScope($0.path) }, right = second.objects.filter { inScope($0.path) }
        var metadata = MetadataComparison(tolerance: options.tolerance, models: models)
        metadata.compare(left, right)
        var values: [DiffReport.DatasetValues] = []
        var moved: [DiffReport.TensorMovement] = []
        let rightByPath = Dictionary(uniqueKeysWithValues: right.map { ($0.path, $0) })
        for object in left where object.kind == "dataset" {
            guard let other = rightByPath[object.path], other.kind == "dataset" else { continue }
            let pair = try DatasetPair(object, other, first, second, tolerance: options.tolerance)
            if let outcome = pair.outcome { values.append(outcome) }
            if models, let movement = pair.movement { moved.append(movement) }
        }
        let datasetPaths = Set(left.filter { $0.kind == "dataset" }.map(\.path))
            .union(right.filter { $0.kind == "dataset" }.map(\.path))
        let differing = Set(metadata.differences.filter { $0.kind == "dataset" }.map(\.path))
            .union(values.filter(\.differs).map(\.path))
        // Two model files' step digests are compared step by step, in their own section.
        let steps = models && inScope(StepRecord.datasetPath) ? StepComparison(a, b) : nil
        if steps != nil { values.removeAll { $0.path == StepRecord.datasetPath } }
        let (digestA, digestB) = options.hashFiles ? try digests ?? sha256(a, b) : (nil, nil)
        return DiffReport(
            a: DiffReport.FileSide(sha256: digestA, isModel: sides.0.isModel, generator: sides.0.generator),
            b: DiffReport.FileSide(sha256: digestB, isModel: sides.1.isModel, generator: sides.1.generator),
            tolerance: options.tolerance, only: options.only,
            metadata: metadata.differences,
            config: models && options.only.isEmpty ? ConfigComparison.changes(first, second) : nil,
            values: values, datasetCount: datasetPaths.count,
            differingDatasets: (left + right).map(\.path).filter(differing.contains).uniqued(),
            moved: models ? moved.sorted(by: DiffReport.TensorMovement.mostMovedFirst) : nil, behaviour: behaviour,
            steps: steps)
    }

    /// Whether a listed file is a model file, and its generator.
    private static func side(_ listing: FileListing) -> (isModel: Bool, generator: String?) {
        let root = listing.objects[0]
        return (root.attribute("format")?.stringValue == (try? ModelSchema.embedded().format),
                root.attribute(generatorAttribute)?.stringValue)
    }

    /// The SHA-256 digests of both files' bytes, one file per thread.
    private static func sha256(_ a: HDF5StoredFile, _ b: HDF5StoredFile) throws -> (String, String) {
        let images = [a.bytes.bytes, b.bytes.bytes]
        let digests = try OrderedWork.map(count: 2, threads: 2) { SHA256.hash(images[$0]).hex }
        return (digests[0], digests[1])
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
