import ModelFile
import Reports

/// One regression case as a golden file holds it (`schemas/golden-v1.schema.json`): how to
/// obtain the results (a training recipe, or a model file to evaluate), how close the
/// results must come, and the results expected.
package struct GoldenCase: Codable, Equatable, Sendable {
    /// The value of `format`.
    package static let formatName = "plastic-unet-golden"
    /// The value of `format_version`.
    package static let currentVersion = 1

    /// `plastic-unet-golden`.
    package var format: String
    /// 1.
    package var formatVersion: Int
    /// The case's name (the file name's stem when recorded).
    package var name: String
    /// The program that recorded the expected results (`plastic-unet X.Y.Z`); a check by
    /// another version shows it, but does not fail for it.
    package var generator: String
    /// Whether the results must match bit for bit: tolerances 0 unless a field says
    /// otherwise, and the tensors' byte hashes checked.
    package var exact: Bool
    /// How the results are obtained.
    package var recipe: GoldenRecipe
    /// How close each field must come.
    package var tolerances: GoldenTolerances
    /// The expected results.
    package var results: GoldenResults

    /// A case from its parts, in the current format.
    package init(name: String, generator: String, exact: Bool, recipe: GoldenRecipe, tolerances: GoldenTolerances,
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
package struct GoldenRecipe: Codable, Equatable, Sendable {
    /// A file the recipe names: its path (relative to the golden file, or absolute) and
    /// its fingerprint.
    package struct FileReference: Codable, Equatable, Sendable {
        /// The path.
        package var path: String
        /// The data set's fingerprint, or the model file's SHA-256.
        package var fingerprint: String

        /// A reference from its parts.
        package init(path: String, fingerprint: String) {
            self.path = path
            self.fingerprint = fingerprint
        }
    }

    /// `training` or `checkpoint`.
    package enum Kind: String, Codable, Sendable {
        /// Train from the config, then evaluate.
        case training
        /// Evaluate the model file.
        case checkpoint
    }

    /// What the case runs.
    package var kind: Kind
    /// The training run's full config (every option, as a model file's `config`), for a
    /// training case.
    package var config: JSONValue?
    /// The model file, for a checkpoint case.
    package var model: FileReference?
    /// The data folder; nil for the embedded data set.
    package var data: FileReference?

    /// A recipe from its parts.
    package init(kind: Kind, config: JSONValue?, model: FileReference?, data: FileReference?) {
        self.kind = kind
        self.config = config
        self.model = model
        self.data = data
    }
}

/// How close the obtained results must come to the expected ones.
package struct GoldenTolerances: Codable, Equatable, Sendable {
    /// One tolerance, `|a - b| <= atol + rtol · max(|a|, |b|)`.
    package struct Rule: Codable, Equatable, Sendable {
        /// atol.
        package var atol: Double
        /// rtol.
        package var rtol: Double

        /// A rule from its parts.
        package init(atol: Double, rtol: Double) {
            self.atol = atol
            self.rtol = rtol
        }
    }

    /// The rule of every number no override names.
    package var `default`: Rule
    /// Overrides by field name or prefix (`evaluation.online`, `tensors[/plastic/w].l2`);
    /// the longest matching prefix wins.
    package var fields: [String: Rule]

    /// Tolerances from their parts.
    package init(default: Rule, fields: [String: Rule] = [:]) {
        self.default = `default`
        self.fields = fields
    }
}
