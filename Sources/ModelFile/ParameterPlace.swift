import PlasticUNet

/// Where a model file keeps one trainable tensor, and the tensor's key in the original
/// PyTorch module's `state_dict`, as `schemas/model-v1.json` lists them: the head's
/// tensors under `/plastic`, each convolution's weight and bias under
/// `/parameters/LAYER/`.
package struct ParameterPlace: Equatable, Sendable {
    /// The dataset's path, for example `/parameters/down1.conv/weight`.
    package let path: String
    /// The `state_dict` key (the dataset's `torch_name` attribute), for example
    /// `conv1.dconv.0.weight`.
    package let torchName: String

    /// A place from its parts.
    package init(path: String, torchName: String) {
        self.path = path
        self.torchName = torchName
    }
}

extension ModelSchema {
    /// The place of the tensor `name` in files of this schema. A head tensor is the head
    /// entry whose `torch_name` is the tensor's name (`w`, `alpha`, `eta`); a convolution's
    /// weight or bias fills the schema's template with the layer's name and PyTorch prefix.
    /// - Throws: ``ModelFileError/schema(_:)`` when the schema does not list the tensor (a
    ///   build defect that the tests catch).
    package func place(of name: ParameterName) throws -> ParameterPlace {
        switch name {
        case .head(let tensor):
            guard let entry = parameters.head.first(where: { $0.torchName == tensor.rawValue }) else {
                throw ModelFileError.schema(.noHeadTensor(tensor.rawValue))
            }
            return ParameterPlace(path: entry.path, torchName: entry.torchName)
        case .convolution(let layer, let part):
            guard let convolution = parameters.convolutions.first(where: { $0.name == layer }) else {
                throw ModelFileError.schema(.noConvolution(layer))
            }
            let template = part == .weight ? parameters.convolutionWeight : parameters.convolutionBias
            let (path, torchName) = template.filled(with: convolution)
            return ParameterPlace(path: path, torchName: torchName)
        }
    }

    /// The places of `specs`, in their order.
    /// - Throws: ``ModelFileError/schema(_:)`` when the schema does not list one of them.
    func places(of specs: [ParameterSpec]) throws -> [ParameterPlace] {
        try specs.map { try place(of: $0.name) }
    }
}

extension ParameterName {
    /// The tensor's path in a model file (`/plastic/w`, `/parameters/down1.conv/weight`),
    /// for messages; the name itself should the embedded schema not list it.
    package var modelFilePath: String {
        (try? ModelSchema.embedded().place(of: self).path) ?? description
    }
}
