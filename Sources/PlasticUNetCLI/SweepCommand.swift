import ArgumentParser

/// `plastic-unet sweep`: plans, runs and reports sweeps of variants x seeds.
package struct SweepCommand: ParsableCommand {
    /// The group and its subcommands.
    package static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train every variant with several seeds, on this machine or a Slurm cluster, and compare them.",
        discussion: """
        A sweep lives in one folder: plan writes plan.json (every run's full config) and \
        slurm.sh (a job array); run trains runs and evaluates each final model on its \
        validation images in every trace mode; report compares the variants with their \
        spread and their paired difference to a baseline.
        """,
        subcommands: [SweepPlanCommand.self, SweepRunCommand.self, SweepReportCommand.self])

    /// A command with the defaults.
    package init() {}
}
