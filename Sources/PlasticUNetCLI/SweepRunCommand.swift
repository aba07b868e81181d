import ArgumentParser
import Foundation
import Sweeps
import TGSData
import TGSFiles

/// `plastic-unet sweep run`: runs one run of a sweep, or all of them here.
package struct SweepRunCommand: ParsableCommand {
    /// The command's name, help and exit codes.
    package static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one run of a sweep (--index I), or every run here (--all) with worker processes.",
        discussion: """
        A run trains its model (SWEEP_DIR/runs/NNNN-VARIANT-seedS/model.h5, or \
        NNNN-VARIANT-seedS-foldF/model.h5 in a sweep with folds; rewritten after every \
        epoch), then evaluates the final model on its validation images in each trace mode, \
        stored, zero and online, at threshold 0.5 and at the best threshold, and writes \
        result.json with every validation image's score (schemas/sweep-result-v2.schema.json). \
        Both are written atomically.

        Running again is always safe: a run with a result is skipped; a run that another \
        process holds (the lock beside its model file) is left to it; a run that was killed \
        continues from its model file. SIGTERM, which Slurm sends before it preempts or \
        times out a job, and SIGINT make the run write a checkpoint of its last step and \
        stop, so that it loses at most one step. The model files are byte-identical \
        whichever way and in whatever order the runs ran.

        --all runs every run that is not done with --jobs worker processes, each one \
        `plastic-unet sweep run SWEEP_DIR --index I`.

        Exit codes: 0 every run asked for finished (now or before, or is running in another \
        process); 1 a run failed (now or before; its result says why); 2 bad options, a plan or data that \
        cannot be read, or a run stopped by a signal (its checkpoint is written).
        """)

    /// The sweep's folder.
    @Argument(help: ArgumentHelp("The sweep's folder (made by `plastic-unet sweep plan`).", valueName: "sweep-dir"))
    package var folder: String

    /// The run to run.
    @Option(help: "The run to run, from 0 (a Slurm array task's id; folds, in a sweep with folds, count from 1).")
    package var index: Int?

    /// Whether to run every run.
    @Flag(help: "Run every run that is not done, with --jobs worker processes.")
    package var all = false

    /// The worker processes of --all.
    @Option(help: "The worker processes of --all. (default: the number of cores divided by the runs' threads)")
    package var jobs: Int?

    /// The data folder, when it moved.
    @Option(help: "The data folder, when it is not where the plan says (it must be the same data).")
    package var data: String?

    /// A command as the parser fills it.
    package init() {}

    /// Needs exactly one of --index and --all.
    package func validate() throws {
        if (index == nil) == !all { throw ValidationError("give --index I or --all") }
        if jobs != nil && !all { throw ValidationError("--jobs applies to --all only") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let index, index < 0 { throw ValidationError("--index must not be negative, got \(index)") }
    }

    /// Runs the run or the runs.
    package func run() throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let plan = try SweepPlan.read(from: url)
        if all {
            let workers = jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(plan.threads, 1))
            let summary = try SweepWorkers(folder: url, plan: plan, data: data).runAll(jobs: workers)
            print(summary.text)
            if summary.stopped > 0 || summary.crashed > 0 { throw ExitCode(2) }
            if summary.failed > 0 { throw ExitCode(1) }
            return
        }
        try runOne(index ?? 0, plan: plan, folder: url)
    }

    private func runOne(_ index: Int, plan: SweepPlan, folder: URL) throws {
        let dataPath = data ?? plan.data.path
        let dataSet = try dataPath.map { try DataSetLoader.load(from: URL(fileURLWithPath: $0)) }
            ?? DataSet.embeddedDefault
        let runner = try SweepRunner(folder: folder, plan: plan, data: dataSet,
                                     kernels: try PredictionOptions.kernels(threads: plan.threads),
                                     reading: ProgramReading.commands)
        TerminationRequest.install()
        let outcome = try runner.run(index, stopRequested: { TerminationRequest.isRequested })
        let name = plan.runs[index].name
        switch outcome {
        case .finished(let result):
            let scores = result.scores(.stored).map { " score \($0.score), best \($0.bestScore) (stored trace)" } ?? ""
            print("\(name): finished,\(scores)")
        case .failed(let result):
            print("\(name): failed: \(result.error ?? "")")
            throw ExitCode(1)
        case .alreadyDone(let status):
            print("\(name): \(status.rawValue) already")
            if status == .failed { throw ExitCode(1) }
        case .heldElsewhere(let message):
            print("\(name): left to the process that holds it: \(message)")
        case .stopped(let step):
            throw CommandError.sweepRunStopped(name, signal: TerminationRequest.signalName ?? "request", step: step)
        }
    }
}
