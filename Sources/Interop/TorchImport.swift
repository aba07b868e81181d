import Kernels
import ModelFile
import PlasticUNet
import Training

/// What `import` needs besides the `state_dict`: the options that its tensors cannot tell.
package struct TorchImportOptions: Equatable, Sendable {
    /// The plasticity rule of the model.
    package var rule: PlasticityRule
    /// Free or yoked alpha; it must match the shape of `alpha`.
    package var alpha: AlphaKind
    /// The rows that feed the trace update.
    package var traceRows: TraceRows
    /// Whether eta is learned (its sensitivity starts at zero).
    package var learnEta: Bool

    /// Options from their parts.
    package init(rule: PlasticityRule, alpha: AlphaKind, traceRows: TraceRows, learnEta: Bool) {
        self.rule = rule
        self.alpha = alpha
        self.traceRows = traceRows
        self.learnEta = learnEta
    }
}

/// Turns a `state_dict` into a new model of this program.
package enum TorchImport {
    /// The key of the first convolution's weight, `[n, 1, 3, 3]`: it gives the width n.
    static let widthKey = "conv1.dconv.0.weight"

    /// A new, untrained model holding the tensors of `stateDict`: the width from the first
    /// convolution, the size from `w`, every key and shape checked against the model that
    /// `options` describe; the trace from `hebb` (zero without it); config epochs 0 and the
    /// source's sha256 as the model the run starts from; fresh optimizer state.
    /// - Parameters:
    ///   - file: how errors name the source.
    ///   - sourceSHA256: the sha256 of the source file's bytes.
    /// - Throws: ``InteropError`` naming the first key that is missing, unexpected, of the
    ///   wrong shape or not finite.
    package static func contents(of stateDict: TorchStateDict, file: String, sourceSHA256: String,
                                options: TorchImportOptions) throws -> ModelFileContents {
        let model = try configuration(of: stateDict, file: file, options: options)
        let specs = ParameterLayout.specs(for: model)
        let schema = try ModelSchema.embedded()
        var tensors: [Tensor] = []
        var expectedKeys: Set<String> = []
        for spec in specs {
            let key = try schema.place(of: spec.name).torchName
            expectedKeys.insert(key)
            tensors.append(try tensor(key, of: stateDict, shaped: spec.shape, file: file, model: model))
        }
        if let extra = stateDict.entries.first(where: { !expectedKeys.contains($0.key) }) {
            throw InteropError.unexpectedKey(file: file, key: extra.key, model: model)
        }
        let training = TrainingOptions(epochs: 0, initialModelSHA256: sourceSHA256)
        var contents = ModelFileContents.untrained(configuration: RunConfiguration(model: model, training: training))
        contents.parameters = ParameterSet(specs: specs, tensors: tensors)
        contents.trace = try trace(of: stateDict, file: file, model: model)
        return contents
    }

    /// The model configuration: rule and alpha from the options, width and size from the
    /// tensors.
    private static func configuration(of stateDict: TorchStateDict, file: String,
                                      options: TorchImportOptions) throws -> ModelConfiguration {
        guard let first = stateDict[widthKey] else {
            throw InteropError.noWidthKey(file: file)
        }
        guard first.shape.count == 4, first.shape.dropFirst() == [1, 3, 3] else {
            throw InteropError.widthKeyShape(file: file, shape: first.shape)
        }
        guard let w = stateDict["w"] else { throw InteropError.noHeadWeights(file: file) }
        guard w.shape.count == 2, w.shape[0] == w.shape[1] else {
            throw InteropError.headWeightsShape(file: file, shape: w.shape)
        }
        let model = ModelConfiguration(rule: options.rule, alpha: options.alpha, width: first.shape[0],
                                       size: w.shape[0], traceRows: options.traceRows, learnEta: options.learnEta)
        if let problem = model.problem { throw InteropError.unusableModel(file: file, problem: problem) }
        return model
    }

    /// The tensor of `key`, checked for its presence, its shape and finite values.
    private static func tensor(_ key: String, of stateDict: TorchStateDict, shaped shape: [Int], file: String,
                               model: ModelConfiguration) throws -> Tensor {
        guard let tensor = stateDict[key] else {
            throw InteropError.missingKey(file: file, key: key, model: model, shape: shape)
        }
        guard tensor.shape == shape else {
            throw InteropError.keyShape(file: file, key: key, shape: tensor.shape, expected: shape, model: model)
        }
        guard tensor.scalars.allSatisfy(\.isFinite) else {
            throw InteropError.nonFinite(file: file, key: key)
        }
        return tensor
    }

    /// The trace: `hebb` when present (checked), zero otherwise; nil for rule none.
    private static func trace(of stateDict: TorchStateDict, file: String,
                              model: ModelConfiguration) throws -> PlasticTrace? {
        guard var trace = PlasticTrace.zero(for: model) else {
            if stateDict.trace != nil { throw InteropError.unexpectedTrace(file: file) }
            return nil
        }
        if let hebb = stateDict.trace {
            let shape = [model.size, model.size]
            guard hebb.shape == shape else {
                throw InteropError.keyShape(file: file, key: TorchStateDict.traceKey, shape: hebb.shape,
                                            expected: shape, model: model)
            }
            guard hebb.scalars.allSatisfy(\.isFinite) else {
                throw InteropError.nonFinite(file: file, key: TorchStateDict.traceKey)
            }
            trace.hebb = hebb
            trace.samples = max(stateDict.traceSamples ?? 0, 0)
        }
        return trace
    }
}
