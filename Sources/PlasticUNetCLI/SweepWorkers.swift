import Foundation
import Sweeps

/// The local executor of `sweep run --all`: every run without a result, each in a worker
/// process of its own (`plastic-unet sweep run SWEEP_DIR --index I`), at most `jobs` at a
/// time. On SIGTERM or SIGINT it starts no more runs and passes SIGTERM on to the
/// running ones, which write their checkpoints.
struct SweepWorkers {
    /// The sweep's folder.
    let folder: URL
    /// Its plan.
    let plan: SweepPlan
    /// The data folder given to `sweep run`, passed on to the workers.
    let data: String?

    /// How the runs went.
    struct Summary {
        var finished = 0, doneBefore = 0, heldElsewhere = 0, failed = 0, stopped = 0, crashed = 0, notStarted = 0

        /// One line.
        var text: String {
            let total = finished + doneBefore + heldElsewhere + failed + stopped + crashed + notStarted
            return "\(total) runs: \(finished) finished now, \(doneBefore) finished before, \(heldElsewhere) left to "
                + "other processes, \(failed) failed, \(stopped) stopped with a checkpoint, \(crashed) ended "
                + "abnormally, \(notStarted) not started"
        }
    }

    /// Runs every run without a result, `jobs` at a time, and says how they went (a run
    /// that failed before counts as failed).
    /// - Throws: ``SweepError`` when a result file is not its run's; when a worker cannot be
    ///   started.
    func runAll(jobs: Int) throws -> Summary {
        TerminationRequest.install()
        var summary = Summary()
        var pending: [Int] = []
        for run in plan.runs {
            switch try SweepResult.read(of: run, in: folder)?.status {
            case .finished?: summary.doneBefore += 1
            case .failed?: summary.failed += 1
            case nil: pending.append(run.index)
            }
        }
        let ended = DispatchSemaphore(value: 0)
        var running: [Int: Process] = [:]
        var passedOn = false
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, !pending.isEmpty, !TerminationRequest.isRequested {
                let index = pending.removeFirst()
                running[index] = try start(index) { ended.signal() }
            }
            if running.isEmpty { break }
            if ended.wait(timeout: .now() + 0.2) == .timedOut {
                if TerminationRequest.isRequested && !passedOn {
                    running.values.forEach { $0.terminate() }
                    passedOn = true
                }
                continue
            }
            for (index, process) in running where !process.isRunning {
                running[index] = nil
                record(process, of: plan.runs[index], in: &summary)
            }
        }
        summary.notStarted = pending.count
        return summary
    }

    private func start(_ index: Int, whenEnded: @escaping @Sendable () -> Void) throws -> Process {
        let process = Process()
        process.executableURL = Bundle.main.executableURL
        process.arguments = ["sweep", "run", folder.path, "--index", "\(index)"] + (data.map { ["--data", $0] } ?? [])
        process.terminationHandler = { _ in whenEnded() }
        try process.run()
        return process
    }

    /// Counts how a worker's run went, from its exit and its result file.
    private func record(_ process: Process, of run: SweepPlan.Run, in summary: inout Summary) {
        guard process.terminationReason == .exit else {
            summary.crashed += 1
            return
        }
        let result = try? SweepResult.read(of: run, in: folder)
        switch (process.terminationStatus, result?.status) {
        case (_, .finished?): summary.finished += 1
        case (_, .failed?): summary.failed += 1
        case (0, nil): summary.heldElsewhere += 1
        case (_, nil) where TerminationRequest.isRequested: summary.stopped += 1
        default: summary.crashed += 1
        }
    }
}
