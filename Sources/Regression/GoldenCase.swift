import ModelFile
import Reports

/// One regression case as a golden file holds it (`schemas/golden-v1.schema.json`, or
/// `golden-v2.schema.json` for a case over seeds): how to obtain the results (a training
/// recipe, or a model file to evaluate), how close the results must come, and the results
/// expected: of one run, or of one run per seed.
package struct GoldenCase: Codable, Equatable, Sendable {
    /// The value of `format`.
    package static let formatName = "plastic-unet-golden"
    /// The versions of the format this program reads: 1 (one run), 2 (a run per seed).
    package static let versions = 1...2

    /// `plastic-unet-golden`.
    package var format: String
    /// 1 for a case of one run, 2 for a case over seeds.
    package var formatVersion: Int { isOverSeeds ? 2 : 1 }
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
    /// The margins of a case over seeds, by field name or prefix (the longest matching
    /// prefix wins): such a field passes when the 95% interval of the mean paired
    /// difference, obtained − expected over the seeds, lies within ±margin. Empty for a
    /// case of one run.
    package var equivalence: [String: Double]
    /// The expected results: one run (its seed nil: the recipe's own), or one per seed.
    package var runs: [GoldenRun]

    /// Whether the case runs its recipe once per seed.
    package var isOverSeeds: Bool { runs.contains { $0.seed != nil } }

    /// A case from its parts, in the version its runs need.
    package init(name: String, generator: String, exact: Bool, recipe: GoldenRecipe, tolerances: GoldenTolerances,
                 equivalence: [String: Double] = [:], runs: [GoldenRun]) {
        self.format = Self.formatName
        self.name = name
        self.generator = generator
        self.exact = exact
        self.recipe = recipe
        self.tolerances = tolerances
        self.equivalence = equivalence
        self.runs = runs
    }

    private enum CodingKeys: String, CodingKey {
        case format, name, generator, exact, recipe, tolerances, results, equivalence, runs
        case formatVersion = "format_version"
    }

    /// Reads version 1 (`results`) or 2 (`runs`, `equivalence`); ``GoldenCaseFile``
    /// checks the format and version first.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        let formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        name = try container.decode(String.self, forKey: .name)
        generator = try container.decode(String.self, forKey: .generator)
        exact = try container.decode(Bool.self, forKey: .exact)
        recipe = try container.decode(GoldenRecipe.self, forKey: .recipe)
        tolerances = try container.decode(GoldenTolerances.self, forKey: .tolerances)
        if formatVersion >= 2 {
            equivalence = try container.decode([String: Double].self, forKey: .equivalence)
            runs = try container.decode([GoldenRun].self, forKey: .runs)
            let seeds = runs.compactMap(\.seed)
            guard !runs.isEmpty, seeds.count == runs.count, Set(seeds).count == seeds.count else {
                throw DecodingError.dataCorruptedError(forKey: .runs, in: container,
                                                       debugDescription: "runs need distinct seeds")
            }
        } else {
            equivalence = [:]
            runs = [GoldenRun(seed: nil, results: try container.decode(GoldenResults.self, forKey: .results))]
        }
    }

    /// Writes version 1 for a case of one run, 2 for a case over seeds.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(name, forKey: .name)
        try container.encode(generator, forKey: .generator)
        try container.encode(exact, forKey: .exact)
        try container.encode(recipe, forKey: .recipe)
        try container.encode(tolerances, forKey: .tolerances)
        if isOverSeeds {
            try container.encode(equivalence, forKey: .equivalence)
            try container.encode(runs, forKey: .runs)
        } else {
            try container.encode(runs.first?.results, forKey: .results)
        }
    }
}

/// The results of one run of a case's recipe: with the recipe's seed replaced by `seed` in
/// a case over seeds.
package struct GoldenRun: Codable, Equatable, Sendable {
    /// The seed of the run, nil in a case of one run (the recipe's own).
    package var seed: UInt64?
    /// The results.
    package var results: GoldenResults

    /// A run from its parts.
    package init(seed: UInt64?, results: GoldenResults) {
        self.seed = seed
        self.results = results
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
