import Kernels

/// Why a command cannot go on, where the command line itself finds it: one line naming
/// the option, the file or the run concerned.
package enum CommandError: Error, Equatable, CustomStringConvertible {
    /// `PLASTIC_UNET_KERNELS` names a kernel path that cannot be followed.
    case kernelPath(KernelPathError)
    /// `train` was stopped by `signal` after `step`; the model file holds a checkpoint.
    case trainingStopped(signal: String, step: Int64, model: String)

    /// The line after `plastic-unet: error: `.
    package var description: String {
        switch self {
        case .kernelPath(let error):
            "\(KernelPath.overrideVariable): \(error)"
        case .trainingStopped(let signal, let step, let model):
            "stopped by \(signal) after step \(step): \(model) holds a checkpoint of it; "
                + "`plastic-unet train --resume \(model)` continues"
        }
    }
}
