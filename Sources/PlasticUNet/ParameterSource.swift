import Kernels

/// The parameter values that a backward pass reads
/// (``PlasticNetwork/backward(_:probabilityGradient:parameters:into:)``): a layer's weight
/// for its input gradient, the head's alpha for the trace's terms. The pass reads no
/// tensor after it has handed over that tensor's gradient (``GradientSink``), so that what
/// receives the gradients may already change the values.
package protocol ParameterSource: Sendable {
    /// The tensor named `name`, which the model's layout guarantees to exist.
    func require(_ name: ParameterName) -> Tensor
}

extension ParameterSet: ParameterSource {
    package func require(_ name: ParameterName) -> Tensor {
        guard let tensor = self[name] else { preconditionFailure("the layout has no parameter \(name)") }
        return tensor
    }
}
