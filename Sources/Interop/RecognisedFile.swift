import HDF5Kit
import ModelFile

/// What an HDF5 file is, as far as this program knows it, for `inspect`.
package enum RecognisedFile: Equatable, Sendable, CustomStringConvertible {
    /// A model file of this program.
    case modelFile
    /// A training output of the original PyTorch implementation (`train_data.hdf5`).
    case originalTrainingOutput(steps: Int, validation: [String])
    /// A PyTorch state_dict as a flat file (`export --torch`).
    case torchStateDict(tensors: Int)
    /// Anything else.
    case other

    /// The kind of the file whose root is `root`.
    /// - Throws: `HDF5Error` when the file cannot be listed.
    package static func recognise(_ root: HDF5Group) throws -> RecognisedFile {
        if case .string(let format)? = try root.attribute("format"), format == (try ModelSchema.embedded().format) {
            return .modelFile
        }
        if try OriginalTrainingOutput.isOriginal(root) {
            let steps = try root.dataset("train/all_losses").elementCount()
            let validation = try root.kind(at: OriginalTrainingOutput.validationGroup) == .group
                ? try root.group(OriginalTrainingOutput.validationGroup).children().map(\.name) : []
            return .originalTrainingOutput(steps: steps, validation: validation)
        }
        let children = try root.children()
        if children.allSatisfy({ $0.kind == .dataset }),
           Set(children.map(\.name)).isSuperset(of: ["w", TorchImport.widthKey]) {
            return .torchStateDict(tensors: children.filter { $0.name != TorchStateDict.traceKey }.count)
        }
        return .other
    }

    /// One line for people.
    package var description: String {
        switch self {
        case .modelFile:
            "a plastic-unet model file"
        case .originalTrainingOutput(let steps, let validation):
            "a training output of the original PyTorch implementation (train_data.hdf5): \(steps) training "
                + "losses, validation series \(validation.isEmpty ? "none" : validation.joined(separator: ", "))"
                + "; `plastic-unet import --original-history` keeps them"
        case .torchStateDict(let tensors):
            "a PyTorch state_dict as a flat file, \(tensors) tensors; `plastic-unet import` reads it"
        case .other:
            "an HDF5 file of another kind"
        }
    }
}
