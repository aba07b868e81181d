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

    /// CI mode.
    @OptionGroup package var ciMode: CIModeOption

    /// A command as the parser fills it.
    package init() {}

    /// Refuses contradictory options.
    package func validate() throws {
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
                                              tolerance: GoldenTolerances.Rule(atol: atol, rtol: rtol), to: url,
                                              kernels: try PredictionOptions.kernels(threads: threads),
                                              reading: files.reading)
        print("wrote \(url.path): case \(golden.name), \(golden.recipe.kind.rawValue), "
              + (exact ? "exact" : "rtol \(rtol), atol \(atol)"))
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
