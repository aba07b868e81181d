import ArgumentParser
import FileOutput
import Foundation
import Kernels
import ModelRuns
import PlasticUNet
import Sweeps
import TGSData
import TGSFiles
import Training

/// `plastic-unet sweep plan`: writes a sweep's plan and its Slurm job array script.
package struct SweepPlanCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a sweep: plan.json with every run's config, and slurm.sh, a Slurm job array.",
        discussion: """
        Every variant is trained with every seed: run I is variant number I / K with seed \
        number I mod K (K seeds, in the order given), with the training options given here \
        (except --seed, which --seeds and --seed-list replace) and the model width. With \
        --folds F every seed is trained F times, once per fold held out (cross-validation): \
        run I is then variant I / (K F), seed (I / F) mod K and fold I mod F + 1. Folds are \
        numbered from 1 as --fold of train numbers them, while run indices (--index of sweep \
        run, and Slurm's array task ids) start at 0; run folders are NNNN-VARIANT-seedS, or \
        NNNN-VARIANT-seedS-foldF with folds. A variant is named \
        \(SweepVariant.grammar) as the golden cases are: none, hebb-free, hebb-yoked, oja-free, \
        oja-yoked, oja-free-first-row, oja-free-learn-eta (the default: all seven). A name that ends \
        in -winograd computes its convolutions with Winograd's arithmetic (oja-free-winograd), one \
        without it with the direct one, unless --convolution winograd makes every variant winograd.

        Writes SWEEP_DIR/plan.json (schemas/sweep-plan-v2.schema.json), SWEEP_DIR/slurm.sh \
        and the folder of its output files. Submit the script with sbatch: one array task \
        per run, --cpus-per-task the runs' threads, each task running \
        `plastic-unet sweep run SWEEP_DIR --index $SLURM_ARRAY_TASK_ID`. Or run the sweep \
        here with `plastic-unet sweep run SWEEP_DIR --all`. A folder that holds another \
        plan (or runs without a plan) is refused; the same runs again are fine, with other \
        --threads or Slurm options too.

        Exit codes: 0 planned; 2 bad options or data, or a file that cannot be written.
        """)

    /// The sweep's folder.
    @Option(help: ArgumentHelp("The sweep's folder (created when missing).", valueName: "sweep-dir"))
    package var out: String

    /// The variants.
    @Option(help: "The variants, comma-separated. (default: all seven)")
    package var variants: String?

    /// Seeds 1 to K.
    @Option(help: "The seeds 1 to K. (default: 3, unless --seed-list)")
    package var seeds: Int?

    /// Explicit seeds.
    @Option(help: "The seeds, comma-separated (instead of --seeds).")
    package var seedList: String?

    /// The data folder.
    @Option(help: "The data folder in the TGS layout. (default: \(DataSet.embeddedDefaultDescription))")
    package var data: String?

    /// The threads of each run.
    @Option(help: "The threads of each run (Slurm's --cpus-per-task); the results do not depend on it.")
    package var threads = 1

    /// The model width.
    @Option(help: "The base width n of every model.")
    package var width = 16

    /// The arithmetic of the variants whose names do not say winograd.
    @Option(help: ArgumentHelp(ArchitectureOptions.convolutionHelp + """
         With winograd, every variant is winograd and its name ends in -winograd.
        """))
    package var convolution: ConvolutionArithmetic = .direct

    /// The training options.
    @OptionGroup package var options: TrainingOptionGroup

    /// Slurm's time limit of a task.
    @Option(help: "The time limit of each Slurm task, as sbatch takes it (HH:MM:SS or D-HH:MM:SS).")
    package var slurmTime = "24:00:00"

    /// Slurm's partition.
    @Option(help: "The Slurm partition of the tasks. (default: the cluster's default)")
    package var slurmPartition: String?

    /// The program the tasks run.
    @Option(help: "The program the Slurm tasks run (an absolute path; a copy of this program). (default: this program)")
    package var program: String?

    /// Where the tasks' output goes.
    @Option(help: "The folder of the Slurm tasks' output files. (default: SWEEP_DIR/logs)")
    package var logDir: String?

    /// A command as the parser fills it.
    package init() {}

    /// Refuses options that cannot make a plan.
    package func validate() throws {
        if out.isEmpty { throw ValidationError("--out must name a folder") }
        if options.seed != nil { throw ValidationError("--seed: a sweep takes its seeds from --seeds or --seed-list") }
        if options.fold != nil { throw ValidationError("--fold: a sweep with --folds runs every fold") }
        if let seeds, !(1...Self.maximumSeeds).contains(seeds) {
            throw ValidationError("--seeds must be in 1...\(Self.maximumSeeds), got \(seeds)")
        }
        try ThreadCountRule.check(threads)
        _ = try chosenVariants()
        _ = try chosenSeeds()
        if slurmTime.wholeMatch(of: /(\d+-)?\d+(:\d+){0,2}/) == nil {
            throw ValidationError("--slurm-time must look like MM, HH:MM:SS or D-HH:MM:SS, got \(slurmTime)")
        }
        if let slurmPartition, slurmPartition.wholeMatch(of: /[A-Za-z0-9_.,-]+/) == nil {
            throw ValidationError("--slurm-partition must be a partition name (letters, digits, _ . , -), got "
                                  + slurmPartition.debugDescription)
        }
        for (option, path) in [("--log-dir", logDir), ("--program", program)] {
            if let path, path.contains(where: { $0.isWhitespace || $0 == "%" || $0.asciiValue.map { $0 < 32 } == true }) {
                throw ValidationError("\(option) cannot hold spaces, % or control characters (sbatch reads them "
                                      + "itself): \(path.debugDescription)")
            }
        }
        if let program, !FileManager.default.isExecutableFile(atPath: program) {
            throw ValidationError("--program \(program) is not an executable file")
        }
    }

    /// Writes the plan, the script and the log folder.
    package func run() throws {
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        let dataURL = data.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let dataSet = try dataURL.map { try DataSetLoader.load(from: $0) } ?? DataSet.embeddedDefault
        // The plan gives each run its fold.
        var training = options.options()
        training.folds = nil
        let base = RunConfiguration(model: ModelConfiguration(width: width, size: dataSet.size, convolution: convolution),
                                    training: training)
        if let problem = base.model.problem ?? base.training.problem { throw ValidationError(problem) }
        let seeds = try chosenSeeds(), variants = try chosenVariants()
        let folds = options.folds
        if let folds, folds > dataSet.samples.count {
            throw ValidationError(ModelRunError.moreFoldsThanImages(folds: folds, images: dataSet.samples.count).description)
        }
        guard variants.count * seeds.count * (folds ?? 1) <= SweepPlan.maximumRuns else {
            throw ValidationError("\(runCount(variants.count, seeds.count, folds)) is more than "
                                  + "\(SweepPlan.maximumRuns) runs")
        }
        for seed in seeds where folds == nil {
            let split = DataSplit.stratified(dataSet, validationFraction: base.training.validationFraction, seed: seed)
            if split.trainIDs.isEmpty || split.validationIDs.isEmpty {
                throw ValidationError("--val-fraction \(base.training.validationFraction) leaves no "
                                      + (split.trainIDs.isEmpty ? "training" : "validation")
                                      + " image for seed \(seed) on this data: every run needs both")
            }
        }
        let plan = SweepPlan(variants: variants, seeds: seeds, folds: folds, base: base,
                             data: .init(path: dataURL?.path, fingerprint: dataSet.fingerprint, size: dataSet.size),
                             threads: threads)
        try Self.requireRoom(for: plan, in: folder)
        let logs = logDir.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? folder.appendingPathComponent("logs")
        try OutputFolder.make(folder)
        try OutputFolder.make(logs)
        try plan.write(into: folder)
        let script = SlurmScript(program: try programPath(), sweepFolder: folder.path, dataFolder: dataURL?.path,
                                 runs: plan.runs.count, cpusPerTask: threads, timeLimit: slurmTime,
                                 logFolder: logs.path, partition: slurmPartition)
        let scriptURL = folder.appendingPathComponent(SlurmScript.fileName)
        try AtomicFile.write(script.text, to: scriptURL)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scriptURL.path)
        print("planned \(plan.runs.count) runs (\(runCount(plan.variants.count, plan.seeds.count, folds))) in "
              + "\(folder.path): run them here with `plastic-unet sweep run \(folder.path) --all`, or on Slurm with "
              + "`sbatch \(scriptURL.path)`")
    }

    /// `V variants x S seeds`, with ` x F folds` when there are folds.
    private func runCount(_ variants: Int, _ seeds: Int, _ folds: Int?) -> String {
        "\(variants) variants x \(seeds) seeds" + (folds.map { " x \($0) folds" } ?? "")
    }

    /// The most seeds of `--seeds`.
    static let maximumSeeds = 1000

    /// Refuses a folder that holds another plan, an unreadable one, or runs without a plan.
    private static func requireRoom(for plan: SweepPlan, in folder: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent(SweepPlan.fileName).path) {
            guard try SweepPlan.read(from: folder).hasTheSameRuns(as: plan) else {
                throw CommandError.otherSweepInFolder(folder.path)
            }
        } else if manager.fileExists(atPath: folder.appendingPathComponent("runs").path) {
            throw CommandError.runsWithoutPlan(folder: folder.path)
        }
    }

    /// The variants of --variants (default: the seven standard ones), each computing with
    /// --convolution winograd when it is given.
    private func chosenVariants() throws -> [SweepVariant] {
        let names = variants.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let chosen = try names?.map { name in
            guard let variant = SweepVariant(name: name) else {
                throw ValidationError("--variants: \(name.isEmpty ? "an empty name" : name) is not a variant "
                                      + "(\(SweepVariant.grammar), for example hebb-free or oja-free-winograd)")
            }
            return variant
        } ?? SweepVariant.standard
        let computed = convolution == .direct ? chosen : chosen.map { $0.computing(with: convolution) }
        guard Set(computed).count == computed.count else {
            throw ValidationError("--variants names a variant twice"
                                  + (Set(chosen).count == chosen.count ? " with --convolution \(convolution)" : ""))
        }
        return computed
    }

    private func chosenSeeds() throws -> [UInt64] {
        try SeedListRule.seeds(count: seeds, list: seedList) ?? Self.defaultSeeds
    }

    /// The seeds of a sweep without --seeds or --seed-list.
    static let defaultSeeds: [UInt64] = [1, 2, 3]

    /// The program's absolute path: --program, or this program.
    private func programPath() throws -> String {
        if let program { return URL(fileURLWithPath: program).standardizedFileURL.path }
        guard let url = Bundle.main.executableURL else {
            throw ValidationError("cannot tell this program's path: give --program")
        }
        return url.resolvingSymlinksInPath().path
    }
}
