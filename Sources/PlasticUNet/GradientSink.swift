import Kernels

/// Where a backward pass (``PlasticNetwork/backward(_:probabilityGradient:parameters:into:)``)
/// puts each parameter's gradient as soon as it is made, so that what uses it (Adam's
/// update, say) can start while the pass goes on.
///
/// The pass hands over each gradient at most once, from the calling thread or from a side
/// job on another thread (``Kernels/SideJobs``), several at once for different parameters;
/// a parameter it hands nothing for has a zero gradient. Every gradient has been handed
/// over when the pass returns.
package protocol GradientSink: AnyObject, Sendable {
    /// Takes the gradient of the parameter named `name`, which has that parameter's shape;
    /// the sink owns it from then on (and may keep it or let it go).
    func receive(_ gradient: consuming Tensor, for name: ParameterName)
}

extension GradientSink {
    /// Takes the weight and bias gradients of `layer`.
    func receive(weight: consuming Tensor, bias: consuming Tensor, of layer: ConvolutionLayer) {
        receive(weight, for: layer.parameterName(.weight))
        receive(bias, for: layer.parameterName(.bias))
    }
}
