import ModelFile

/// What `plastic-unet diff` found between two HDF5 files: a value, free of paths and
/// times, so that the same two files always give the same report.
public struct DiffReport: Sendable {
    /// One of the two files.
    public struct FileSide: Equatable, Sendable {
        /// The lowercase hex SHA-256 of its bytes; nil when the files were not hashed.
        public let sha256: String?
        /// Whether it is a plastic-unet model file (its root's `format`).
        public let isModel: Bool
        /// Its root's `generator` attribute, if any.
        public let generator: String?
    }

    /// A difference of structure or metadata of one object.
    public struct MetadataDifference: Equatable, Sendable {
        /// What differs.
        public enum Aspect: Equatable, Sendable, CustomStringConvertible {
            /// The object exists on one side only.
            case presence
            /// Group, dataset or link.
            case kind
            /// The element type.
            case dtype
            /// The shape.
            case shape
            /// The chunk shape.
            case chunks
            /// The filter pipeline.
            case filters
            /// The attribute of that name (present on one side only, or of another value).
            case attribute(String)

            /// `presence`, `kind`, ..., `attribute NAME`.
            public var description: String {
                switch self {
                case .presence: "presence"
                case .kind: "kind"
                case .dtype: "dtype"
                case .shape: "shape"
                case .chunks: "chunks"
                case .filters: "filters"
                case .attribute(let name): "attribute \(name)"
                }
            }
        }

        /// The object's path.
        public let path: String
        /// The object's kind (on the side that has it, the first file's when both do).
        public let kind: String
        /// What differs.
        public let aspect: Aspect
        /// The first file's side as text; nil when absent there.
        public let a: String?
        /// The second file's side as text; nil when absent there.
        public let b: String?
    }

    /// One key of the models' `config` that differs.
    public struct ConfigChange: Equatable, Sendable {
        /// The key.
        public let key: String
        /// The first model's value; nil when it lacks the key.
        public let a: JSONValue?
        /// The second model's value; nil when it lacks the key.
        public let b: JSONValue?
    }

    /// The values of one dataset that both files hold, when they are not identical.
    public struct DatasetValues: Equatable, Sendable {
        /// How they compare.
        public enum Outcome: Equatable, Sendable {
            /// Element by element.
            case compared(ValueComparison)
            /// Not at all, for the reason given (another shape, a number against a string,
            /// a type that cannot be read).
            case notCompared(String)
        }

        /// The dataset's path.
        public let path: String
        /// Its key in the original PyTorch module (its `torch_name` attribute), if any.
        public let torchName: String?
        /// Its shape in the first file.
        public let shape: [Int]
        /// How its values compare.
        public let outcome: Outcome

        /// Whether the values differ beyond the tolerance (or could not be compared).
        public var differs: Bool {
            switch outcome {
            case .compared(let comparison): comparison.differingCount > 0
            case .notCompared: true
            }
        }
    }

    /// How far one tensor of a model moved from the first file to the second.
    public struct TensorMovement: Equatable, Sendable {
        /// The dataset's path.
        public let path: String
        /// Its key in the original PyTorch module, nil for the trace.
        public let torchName: String?
        /// `||A||`, the Euclidean norm of the first file's tensor.
        public let normA: Double
        /// `||B - A||`.
        public let change: Double

        /// `||B - A|| / ||A||`; nil ("new") where `||A||` is 0 and the tensor changed.
        public var relativeChange: Double? {
            normA > 0 ? change / normA : (change == 0 ? 0 : nil)
        }
    }

    /// The first file.
    public let a: FileSide
    /// The second file.
    public let b: FileSide
    /// The tolerance of the numeric comparison.
    public let tolerance: Tolerance
    /// The paths the comparison was restricted to (`--only`); empty for the whole files.
    public let only: [String]
    /// Every difference of structure and metadata, in the order of the first file's
    /// objects, then those of the second file only.
    public let metadata: [MetadataDifference]
    /// The keys of the models' configs that differ; nil when the configs were not
    /// compared (not two model files, or `--only`).
    public let config: [ConfigChange]?
    /// The datasets on both sides whose values are not identical, in file order.
    public let values: [DatasetValues]
    /// The datasets compared: those of either file (within `--only`).
    public let datasetCount: Int
    /// The paths of the datasets that differ in any way: on one side only, in their
    /// metadata, or in values beyond the tolerance.
    public let differingDatasets: [String]
    /// Every tensor of two model files (parameters, w, alpha, eta, the trace) that both
    /// hold in one shape, the most moved first; nil unless both are model files.
    public let moved: [TensorMovement]?
    /// The two models' predictions on data (`--data`), if asked for.
    public let behaviour: BehaviourComparison?

    /// The verdict.
    public var verdict: DiffVerdict { DiffVerdict(self) }
}
