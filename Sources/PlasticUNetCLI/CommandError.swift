import Kernels
import Sweeps
import TGSFiles

/// Why a command cannot go on, where the command line itself finds it: one line naming
/// the option, the file or the run concerned.
package enum CommandError: Error, Equatable, CustomStringConvertible {
    /// `PLASTIC_UNET_KERNELS` names a kernel path that cannot be followed.
    case kernelPath(KernelPathError)
    /// `train` was stopped by `signal` after `step`; the model file holds a checkpoint.
    case trainingStopped(signal: String, step: Int64, model: String)
    /// `sweep run` was stopped by `signal` (or by a request) after `step` of `run`; its
    /// model file holds a checkpoint.
    case sweepRunStopped(SweepRunName, signal: String, step: Int64)
    /// `sweep plan` was given a folder that holds another sweep's plan.
    case otherSweepInFolder(String)
    /// `sweep plan` was given a folder that holds runs but no plan.
    case runsWithoutPlan(folder: String)
    /// `--case` names none of the cases in `paths`.
    case noCaseNamed([String], paths: [String])
    /// `regress accept` or `reject` names cases without a pending result in `paths`.
    case noPendingResult([String], paths: [String])
    /// A command that writes golden cases was run in CI mode.
    case refusedInCI(command: String)
    /// Nothing is at a path that `score` was given.
    case noMaskSource(String)
    /// The masks of a folder of images are `side` x `side`, not the `size` x `size` of
    /// the scoring.
    case maskSize(source: String, side: Int, size: Int)
    /// `--threshold` was given with a table of predicted masks.
    case thresholdOnTable(String)
    /// An image to predict is not one that `model` takes.
    case imageNotForModel(DataProblem, model: String)
    /// The original's training output at `file` is of a model of `size`, and the
    /// `state_dict` of one of `stateDictSize`.
    case otherOriginalSize(file: String, size: Int, stateDictSize: Int)

    /// The line after `plastic-unet: error: `.
    package var description: String {
        switch self {
        case .kernelPath(let error):
            "\(KernelPath.overrideVariable): \(error)"
        case .trainingStopped(let signal, let step, let model):
            "stopped by \(signal) after step \(step): \(model) holds a checkpoint of it; "
                + "`plastic-unet train --resume \(model)` continues"
        case .sweepRunStopped(let run, let signal, let step):
            "\(run) stopped by \(signal) after step \(step); its model file holds a checkpoint: run it again to "
                + "continue"
        case .otherSweepInFolder(let folder):
            "\(folder) holds another sweep's plan: choose another folder"
        case .runsWithoutPlan(let folder):
            "\(folder) holds runs but no plan: choose another folder"
        case .noCaseNamed(let names, let paths):
            "no case named \(names.joined(separator: ", ")) in \(paths.joined(separator: ", "))"
        case .noPendingResult(let names, let paths):
            "no pending result of \(names.joined(separator: ", ")) in \(paths.joined(separator: ", ")) (review lists "
                + "them)"
        case .refusedInCI(let command):
            "\(command) writes golden cases, which CI mode (--ci, or the environment variable CI=true) refuses: "
                + "run it outside CI"
        case .noMaskSource(let path):
            "cannot read \(path): no such file or folder"
        case .maskSize(let source, let side, let size):
            "the masks in \(source) are \(side) x \(side) but the size is \(size) x \(size)"
        case .thresholdOnTable(let path):
            "--threshold applies only to a folder of predicted images; \(path) is a table"
        case .imageNotForModel(let problem, let model):
            "\(problem) (\(model))"
        case .otherOriginalSize(let file, let size, let stateDictSize):
            "\(file): net/w is \(size) x \(size), the state_dict's w is \(stateDictSize) x \(stateDictSize): not the "
                + "output of this model"
        }
    }
}
