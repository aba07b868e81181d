import ArgumentParser
import Checksums
import FileOutput
import Foundation
import HDF5Kit
import ModelFile
import ModelRuns
import PlasticUNet
import Regression
import Reports
import Sweeps
import TGSData
import TGSFiles
import Training

/// `plastic-unet regress record`: writes a new golden case.
package struct RegressRecordCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a golden case: train a recipe (or evaluate a model file) and write its results.",
        discussion: """
        A training case: the options of train (or --config-from MODEL, a model file whose config to \
        repeat, with options given here over it) on --data (default: the embedded data set); the run is \
        made in memory, no model file is written. A checkpoint case: --model MODEL, evaluated on --data, \
        for models too large to retrain in CI. The case records the full config or the model file's \
        sha256, the data folder's path (relative to the case file) and fingerprint, and the results; \
        check re-runs it. Cases are named as sweeps name their variants, \
        \(SweepVariant.grammar): a recipe with --convolution winograd is, say, oja-free-winograd.

        A case is exact (--exact: tolerances 0 and the tensors' byte hashes checked, for the same program \
        on a machine it supports) or, by default, checked within --rtol and --atol; edit tolerances.fields \
        in the file to loosen or tighten single fields.

        A case over seeds (--seeds K or --seed-list, at least \(Self.minimumSeeds) seeds; schemas/golden-v2.schema.json) \
        trains the recipe once per seed, each replacing its --seed, and records every run's results. An \
        exact case over seeds compares each seed's fields as a case of one run does. With --equivalence \
        FIELD=MARGIN (repeatable; FIELD a name or prefix, the longest matching one wins, as in \
        tolerances.fields; for example evaluation.stored.score=0.02), such a field passes when the 95% \
        interval of the mean paired difference, obtained minus expected by seed (a seeded bootstrap, as \
        sweep report computes it), lies within -MARGIN..MARGIN; the fields under no margin (the tensors' \
        byte hashes among them) are then compared only when the case is exact. That is how a change meant \
        to keep a recipe's quality but not its bits (another convolution arithmetic, another compiler) is \
        judged.

        CI mode (--ci, or the environment variable CI=true) refuses to record.

        Exit codes: 0 recorded; 2 bad options, data or model file that cannot be read, a file that \
        cannot be written, or CI mode.
        """)

    /// The architecture of a training case.
    @OptionGroup package var architecture: ArchitectureOptions

    /// The training options of a training case.
    @OptionGroup package var options: TrainingOptionGroup

    /// The model file whose config to repeat.
    @Option(help: ArgumentHelp("Take every option of the recipe from this model file's config.", valueName: "model"))
    package var configFrom: String?

    /// The model file of a checkpoint case.
    @Option(help: ArgumentHelp("Record a checkpoint case: evaluate this model file.", valueName: "model"))
    package var model: String?

    /// The data folder.
    @Option(help: "The data folder in the TGS layout. (default: \(DataSet.embeddedDefaultDescription))")
    package var data: String?

    /// The case file to write.
    @Option(help: ArgumentHelp("The case file to write (replaced when it exists).", valueName: "case.json"))
    package var out: String

    /// The case's name.
    @Option(help: "The case's name. (default: the file name of --out without .json)")
    package var name: String?

    /// Whether the case is exact.
    @Flag(help: "Make the case exact: every number to the bit, and the tensors' byte hashes.")
    package var exact = false

    /// The default relative tolerance.
    @Option(help: "The relative tolerance of a case that is not exact.")
    package var rtol = 1e-4

    /// The default absolute tolerance.
    @Option(help: "The absolute tolerance of a case that is not exact.")
    package var atol = 1e-6

    /// The number of threads.
    @Option(help: ArgumentHelp(PredictionOptions.threadsHelp))
    package var threads: Int?

    /// The seeds 1 to K of a case over seeds.
    @Option(help: "Record a case over the seeds 1 to K (K at least \(Self.minimumSeeds)), each replacing --seed.")
    package var seeds: Int?

    /// Explicit seeds of a case over seeds.
    @Option(help: "Record a case over these seeds, comma-separated (instead of --seeds).")
    package var seedList: String?

    /// The equivalence margins of a case over seeds.
    @Option(help: ArgumentHelp("""
        In a case over seeds, judge FIELD (a name or prefix) by the 95% interval of the mean paired \
        difference against ±MARGIN (repeatable); other fields are then compared only when the case is exact.
        """, valueName: "field=margin"))
    package var equivalence: [String] = []

    /// CI mode.
    @OptionGroup package var ciMode: CIModeOption

    /// A command as the parser fills it.
    package init() {}

    /// Refuses contradictory options.
    package func validate() throws {
        try options.requireFoldWithFolds()
        if model != nil {
            let conflicting = architecture.given + options.given() + (configFrom != nil ? ["--config-from"] : [])
            if let first = conflicting.first {
                throw ValidationError("\(first) cannot be given with --model: a checkpoint case only evaluates")
            }
        }
        if exact && (rtol != 1e-4 || atol != 1e-6) {
            throw ValidationError("--rtol and --atol cannot be given with --exact: an exact case has tolerance 0")
        }
        try ToleranceRule.check(atol: atol, rtol: rtol)
        if out.isEmpty || !out.hasSuffix(".json") { throw ValidationError("--out must name a .json file") }
        try ThreadCountRule.check(threads)
        try validateSeeds()
    }

    /// The fewest seeds of a case over seeds.
    static let minimumSeeds = 5

    /// Refuses seeds of a checkpoint case, too few or too many seeds, --seed beside them,
    /// and margins that are not `FIELD=MARGIN` with a positive margin or without seeds.
    private func validateSeeds() throws {
        if let count = try SeedListRule.seeds(count: seeds, list: seedList)?.count {
            if model != nil { throw ValidationError("--seeds and --seed-list make a training case, not a --model one") }
            if options.seed != nil {
                throw ValidationError("--seed: a case over seeds takes its seeds from --seeds or --seed-list")
            }
            guard (Self.minimumSeeds...SweepPlanCommand.maximumSeeds).contains(count) else {
                throw ValidationError("a case over seeds needs \(Self.minimumSeeds) to "
                                      + "\(SweepPlanCommand.maximumSeeds) seeds, got \(count)")
            }
        } else if !equivalence.isEmpty {
            throw ValidationError("--equivalence judges a case over seeds: give --seeds or --seed-list")
        }
        _ = try margins()
    }

    /// The seeds of a case over seeds, or none.
    private func chosenSeeds() throws -> [UInt64] {
        try SeedListRule.seeds(count: seeds, list: seedList) ?? []
    }

    /// The margins of --equivalence, by field name or prefix.
    private func margins() throws -> [String: Double] {
        var margins: [String: Double] = [:]
        for entry in equivalence {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let margin = Double(parts[1]), margin.isFinite, margin > 0 else {
                throw ValidationError("--equivalence: \(entry) is not FIELD=MARGIN with a positive margin")
            }
            guard margins.updateValue(margin, forKey: parts[0]) == nil else {
                throw ValidationError("--equivalence names \(parts[0]) twice")
            }
        }
        return margins
    }

    /// Runs the recipe and writes the case.
    package func run() throws {
        try ciMode.refuseWriting("regress record")
        let url = URL(fileURLWithPath: out)
        try OutputFolder.requireParent(of: url)
        let dataSet = try data.map { try DataSetLoader.load(from: URL(fileURLWithPath: $0)) } ?? DataSet.embeddedDefault
        let dataReference = data.map {
            GoldenRecipe.FileReference(path: GoldenCaseFile.relativePath(of: URL(fileURLWithPath: $0), from: url),
                                       fingerprint: dataSet.fingerprint)
        }
        let recipe: GoldenRecipe
        let files = ModelFiles()
        if let model {
            let reference = GoldenRecipe.FileReference(
                path: GoldenCaseFile.relativePath(of: URL(fileURLWithPath: model), from: url),
                fingerprint: try files.model(model).identity.sha256)
            recipe = GoldenRecipe(kind: .checkpoint, config: nil, model: reference, data: dataReference)
        } else {
            let config = JSONValue.object(parsing: try configuration(for: dataSet, files: files).jsonText())
            recipe = GoldenRecipe(kind: .training, config: config, model: nil, data: dataReference)
        }
        let caseName = name ?? String(url.lastPathComponent.dropLast(".json".count))
        let golden = try RegressionRun.record(recipe, name: caseName, exact: exact,
                                              tolerance: GoldenTolerances.Rule(atol: atol, rtol: rtol),
                                              seeds: try chosenSeeds(), equivalence: try margins(), to: url,
                                              kernels: try PredictionOptions.kernels(threads: threads),
                                              reading: files.reading)
        let seeds = golden.runs.compactMap(\.seed)
        print("wrote \(url.path): case \(golden.name), \(golden.recipe.kind.rawValue), "
              + (exact ? "exact" : "rtol \(rtol), atol \(atol)")
              + (seeds.isEmpty ? "" : ", over seeds \(seeds.map(String.init).joined(separator: ","))")
              + golden.equivalence.sorted { $0.key < $1.key }.map { ", \($0.key) within ±\($0.value)" }.joined())
    }

    /// The recipe's configuration: the options given over `--config-from`'s config or the
    /// defaults (``ModelRuns/RunStart/base(recipe:initial:size:)``); whether it is usable
    /// on the data is checked when the recipe runs.
    private func configuration(for data: DataSet, files: ModelFiles) throws -> RunConfiguration {
        let base = try RunStart.base(recipe: try configFrom.map(files.model), initial: nil, size: data.size)
        return RunConfiguration(model: architecture.configuration(size: base.model.size, over: base.model),
                                training: options.options(over: base.training))
    }
}
