import ModelFile
import Reports

/// What `plastic-unet diff` found between two HDF5 files: a value, free of paths and
/// times, so that the same two files always give the same report.
package struct DiffReport: Sendable {
    /// One of the two files.
    package struct FileSide: Equatable, Sendable {
        /// The lowercase hex SHA-256 of its bytes; nil when the files were not hashed.
        package let sha256: String?
        /// Whether it is a plastic-unet model file (its root's `format`).
        package let isModel: Bool
        /// Its root's `generator` attribute, if any.
        package let generator: String?
    }

    /// A difference of structure or metadata of one object.
    package struct MetadataDifference: Equatable, Sendable {
        /// What differs.
        package enum Aspect: Equatable, Sendable, CustomStringConvertible {
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
            package var description: String {
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
        package let path: String
        /// The object's kind (on the side that has it, the first file's when both do).
        package let kind: String
        /// What differs.
        package let aspect: Aspect
        /// The first file's side as text; nil when absent there.
        package let a: String?
        /// The second file's side as text; nil when absent there.
        package let b: String?
    }

    /// One key of the models' `config` that differs.
    package struct ConfigChange: Equatable, Sendable {
        /// The key.
        package let key: String
        /// The first model's value; nil when it lacks the key.
        package let a: JSONValue?
        /// The second model's value; nil when it lacks the key.
        package let b: JSONValue?
    }

    /// The values of one dataset that both files hold, when they are not identical.
    package struct DatasetValues: Equatable, Sendable {
        /// How they compare.
        package enum Outcome: Equatable, Sendable {
            /// Element by element.
            case compared(ValueComparison)
            /// Not at all, for the reason given (another shape, a number against a string,
            /// a type that cannot be read).
            case notCompared(String)
        }

        /// The dataset's path.
        package let path: String
        /// Its key in the original PyTorch module (its `torch_name` attribute), if any.
        package let torchName: String?
        /// Its shape in the first file.
        package let shape: [Int]
        /// How its values compare.
        package let outcome: Outcome

        /// Whether the values differ beyond the tolerance (or could not be compared).
        package var differs: Bool {
            switch outcome {
            case .compared(let comparison): comparison.differingCount > 0
            case .notCompared: true
            }
        }
    }

    /// How far one tensor of a model moved from the first file to the second.
    package struct TensorMovement: Equatable, Sendable {
        /// The dataset's path.
        package let path: String
        /// Its key in the original PyTorch module, nil for the trace.
        package let torchName: String?
        /// `||A||`, the Euclidean norm of the first file's tensor.
        package let normA: Double
        /// `||B - A||`.
        package let change: Double

        /// `||B - A|| / ||A||`; nil ("new") where `||A||` is 0 and the tensor changed.
        package var relativeChange: Double? {
            normA > 0 ? change / normA : (change == 0 ? 0 : nil)
        }
    }

    /// The first file.
    package let a: FileSide
    /// The second file.
    package let b: FileSide
    /// The tolerance of the numeric comparison.
    package let tolerance: Tolerance
    /// The paths the comparison was restricted to (`--only`); empty for the whole files.
    package let only: [String]
    /// Every difference of structure and metadata, in the order of the first file's
    /// objects, then those of the second file only.
    package let metadata: [MetadataDifference]
    /// The keys of the models' configs that differ; nil when the configs were not
    /// compared (not two model files, or `--only`).
    package let config: [ConfigChange]?
    /// The datasets on both sides whose values are not identical, in file order; the step
    /// digests are shown in ``steps`` instead.
    package let values: [DatasetValues]
    /// The datasets compared: those of either file (within `--only`).
    package let datasetCount: Int
    /// The paths of the datasets that differ in any way: on one side only, in their
    /// metadata, or in values beyond the tolerance.
    package let differingDatasets: [String]
    /// Every tensor of two model files (parameters, w, alpha, eta, the trace) that both
    /// hold in one shape, the most moved first; nil unless both are model files.
    package let moved: [TensorMovement]?
    /// The two models' predictions on data (`--data`), if asked for.
    package let behaviour: BehaviourComparison?
    /// The runs' steps compared by their digests; nil unless a model file records them and
    /// the comparison covers them.
    package let steps: StepComparison?

    /// The verdict.
    package var verdict: DiffVerdict { DiffVerdict(self) }
}
