import ModelFile
import PlasticUNet

extension TorchStateDict {
    /// The `state_dict` of a model: every trainable tensor under its `torch_name`, in the
    /// original module's order, and the trace (with its update count) as `hebb`. The eta
    /// sensitivity of `--learn-eta`, the optimizer and the history have no place in it.
    /// - Throws: ``ModelFileError/schema(_:)`` when the embedded schema lacks a tensor (a
    ///   build defect).
    package init(exporting contents: ModelFileContents) throws {
        let schema = try ModelSchema.embedded()
        let parameters = contents.parameters
        let entries = try zip(parameters.specs, parameters.tensors).map { spec, tensor in
            Entry(key: try schema.place(of: spec.name).torchName, tensor: tensor)
        }
        self.init(entries: entries, trace: contents.trace?.hebb, traceSamples: contents.trace?.samples)
    }
}
