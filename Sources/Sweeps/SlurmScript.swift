import Foundation

/// The `sbatch` script of a sweep: a job array with one task per run, each task running
/// `plastic-unet sweep run SWEEP_DIR --index $SLURM_ARRAY_TASK_ID`.
package struct SlurmScript: Equatable, Sendable {
    /// The name of the script in a sweep's folder.
    package static let fileName = "slurm.sh"

    /// The program's absolute path.
    package var program: String
    /// The sweep folder's absolute path.
    package var sweepFolder: String
    /// The data folder's absolute path, or nil for the embedded data set.
    package var dataFolder: String?
    /// The number of runs (array tasks 0 to runs - 1).
    package var runs: Int
    /// The CPUs of each task: the runs' threads.
    package var cpusPerTask: Int
    /// Each task's time limit, in Slurm's format (`HH:MM:SS`, `D-HH:MM:SS`).
    package var timeLimit: String
    /// The folder of the tasks' output files (absolute).
    package var logFolder: String
    /// The partition, or nil for the cluster's default.
    package var partition: String?

    /// A script from its parts.
    package init(program: String, sweepFolder: String, dataFolder: String?, runs: Int, cpusPerTask: Int,
                timeLimit: String, logFolder: String, partition: String?) {
        self.program = program
        self.sweepFolder = sweepFolder
        self.dataFolder = dataFolder
        self.runs = runs
        self.cpusPerTask = cpusPerTask
        self.timeLimit = timeLimit
        self.logFolder = logFolder
        self.partition = partition
    }

    /// The script's text.
    package var text: String {
        var directives = [
            "--job-name=plastic-unet-sweep",
            "--array=0-\(runs - 1)",
            "--ntasks=1",
            "--cpus-per-task=\(cpusPerTask)",
            "--time=\(timeLimit)",
            "--output=\(logFolder)/%A_%a.out",
            "--requeue",
        ]
        if let partition { directives.append("--partition=\(partition)") }
        let data = dataFolder.map { " --data \(Self.quoted($0))" } ?? ""
        return """
            #!/bin/bash
            # A plastic-unet sweep as a Slurm job array: task I runs run I of \(sweepFolder)/plan.json.
            # Submit it with `sbatch \(sweepFolder)/\(Self.fileName)`. Submitting it again is safe: a
            # finished run is skipped, a run that another task holds is left to it, and a run that was stopped
            # continues from its checkpoint. Slurm's SIGTERM before a preemption or the time limit makes the run
            # write a checkpoint of its last step first; --requeue lets Slurm start the task again.
            # Data: \(dataFolder ?? "the embedded data set")
            \(directives.map { "#SBATCH \($0)" }.joined(separator: "\n"))

            exec \(Self.quoted(program)) sweep run \(Self.quoted(sweepFolder)) --index "$SLURM_ARRAY_TASK_ID"\(data)

            """
    }

    /// `text` in single quotes for the shell.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
