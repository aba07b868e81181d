import Kernels

/// The parameter values that a backward pass reads
/// (``PlasticNetwork/backward(_:probabilityGradient:parameters:into:)``): each layer's
/// weight once, for the layer's input gradient, and none after the pass has handed over its
/// gradient (``GradientSink``), so that what receives the gradients may already change
/// the values.
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
