import ModelFile

/// One regression case as a golden file holds it (`schemas/golden-v1.schema.json`): how to
/// obtain the results (a training recipe, or a model file to evaluate), how close the
/// results must come, and the results expected.
public struct GoldenCase: Codable, Equatable, Sendable {
    /// The value of `format`.
    public static let formatName = "plastic-unet-golden"
    /// The value of `format_version`.
    public static let currentVersion = 1

    /// `plastic-unet-golden`.
    public var format: String
    /// 1.
    public var formatVersion: Int
    /// The case's name (the file name's stem when recorded).
    public var name: String
    /// The program that recorded the expected results (`plastic-unet X.Y.Z`); a check by
    /// another version shows it, but does not fail for it.
    public var generator: String
    /// Whether the results must match bit for bit: tolerances 0 unless a field says
    /// otherwise, and the tensors' byte hashes checked.
    public var exact: Bool
    /// How the results are obtained.
    public var recipe: GoldenRecipe
    /// How close each field must come.
    public var tolerances: GoldenTolerances
    /// The expected results.
    public var results: GoldenResults

    /// A case from its parts, in the current format.
    public init(name: String, generator: String, exact: Bool, recipe: GoldenRecipe, tolerances: GoldenTolerances,
                results: GoldenResults) {
        self.format = Self.formatName
        self.formatVersion = Self.currentVersion
        self.name = name
        self.generator = generator
        self.exact = exact
        self.recipe = recipe
        self.tolerances = tolerances
        self.results = results
    }

    private enum CodingKeys: String, CodingKey {
        case format, name, generator, exact, recipe, tolerances, results
        case formatVersion = "format_version"
    }
}

/// How a case's results are obtained: a training run from its full config on a data
/// folder, or the evaluation of a model file (a checkpoint case, for models too large to
/// retrain).
public struct GoldenRecipe: Codable, Equatable, Sendable {
    /// A file the recipe names: its path (relative to the golden file, or absolute) and
    /// its fingerprint.
    public struct FileReference: Codable, Equatable, Sendable {
        /// The path.
        public var path: String
        /// The data set's fingerprint, or the model file's SHA-256.
        public var fingerprint: String

        /// A reference from its parts.
        public init(path: String, fingerprint: String) {
            self.path = path
            self.fingerprint = fingerprint
        }
    }

    /// `training` or `checkpoint`.
    public enum Kind: String, Codable, Sendable {
        /// Train from the config, then evaluate.
        case training
        /// Evaluate the model file.
        case checkpoint
    }

    /// What the case runs.
    public var kind: Kind
    /// The training run's full config (every option, as a model file's `config`), for a
    /// training case.
    public var config: JSONValue?
    /// The model file, for a checkpoint case.
    public var model: FileReference?
    /// The data folder; nil for the embedded data set.
    public var data: FileReference?

    /// A recipe from its parts.
    public init(kind: Kind, config: JSONValue?, model: FileReference?, data: FileReference?) {
        self.kind = kind
        self.config = config
        self.model = model
        self.data = data
    }
}

/// How close the obtained results must come to the expected ones.
public struct GoldenTolerances: Codable, Equatable, Sendable {
    /// One tolerance, `|a - b| <= atol + rtol · max(|a|, |b|)`.
    public struct Rule: Codable, Equatable, Sendable {
        /// atol.
        public var atol: Double
        /// rtol.
        public var rtol: Double

        /// A rule from its parts.
        public init(atol: Double, rtol: Double) {
            self.atol = atol
            self.rtol = rtol
        }
    }

    /// The rule of every number no override names.
    public var `default`: Rule
    /// Overrides by field name or prefix (`evaluation.online`, `tensors[/plastic/w].l2`);
    /// the longest matching prefix wins.
    public var fields: [String: Rule]

    /// Tolerances from their parts.
    public init(default: Rule, fields: [String: Rule] = [:]) {
        self.default = `default`
        self.fields = fields
    }
}
