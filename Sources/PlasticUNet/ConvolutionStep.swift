import Kernels

/// Applies the network's convolutions with the values of a parameter set, and takes them
/// back: the parameter gradients go into a gradient set, the input gradient is returned.
struct ConvolutionStep {
    let kernels: any ConvolutionKernels
    /// The arithmetic of the 3 x 3 convolutions of stride 1.
    let arithmetic: ConvolutionArithmetic
    /// Weights of Winograd layers made ready for many passes, by layer name
    /// (``UNetBody/winogradWeights(parameters:size:)``); the other layers' weights are
    /// transformed on each call.
    var winogradWeights: [String: WinogradWeight] = [:]
    /// Where the parameter gradients go when they are computed beside the input gradients
    /// (``UNetBody/backward(_:outputGradient:parameters:gradients:)``); nil: at once.
    var deferredGradients: DeferredGradients?

    /// Whether `layer` computes with Winograd's arithmetic.
    func isWinograd(_ layer: ConvolutionLayer) -> Bool {
        arithmetic == .winograd && layer.kind == .conv3x3
    }

    /// The convolution `layer` applied to `input`.
    func forward(_ layer: ConvolutionLayer, _ input: Tensor, parameters: ParameterSet) -> Tensor {
        let weight = parameters.require(layer.parameterName(.weight))
        let bias = parameters.require(layer.parameterName(.bias))
        switch layer.kind {
        case .transposed3x3:
            return kernels.transposedConvolve(input, weight: weight, bias: bias)
        case .conv3x3 where isWinograd(layer):
            return kernels.winogradConvolve(input, weight: winogradWeights[layer.name] ?? WinogradWeight(weight),
                                            bias: bias)
        case .conv3x3, .conv1x1:
            return kernels.convolve(input, weight: weight, bias: bias, padding: layer.padding)
        }
    }

    /// Stores the weight and bias gradients of `layer`, which saw `input`, in `gradients`;
    /// or, with ``deferredGradients``, hands them to its jobs, which store them when they
    /// finish.
    func storeParameterGradients(_ layer: ConvolutionLayer, input: Tensor, outputGradient: Tensor,
                                 into gradients: inout ParameterSet) {
        if let deferredGradients {
            deferredGradients.storeFinished(into: &gradients)
            let winograd = isWinograd(layer)
            deferredGradients.add(layer) { kernels in
                Self.parameterGradients(layer, winograd: winograd, input: input, outputGradient: outputGradient,
                                        kernels: kernels)
            }
            return
        }
        gradients.setGradients(of: layer, Self.parameterGradients(layer, winograd: isWinograd(layer), input: input,
                                                                  outputGradient: outputGradient, kernels: kernels))
    }

    /// The weight and bias gradients of `layer`, which saw `input`, computed by `kernels`
    /// (in Winograd's arithmetic where `winograd`).
    private static func parameterGradients(_ layer: ConvolutionLayer, winograd: Bool, input: Tensor,
                                           outputGradient: Tensor,
                                           kernels: any ConvolutionKernels) -> (weight: Tensor, bias: Tensor) {
        switch layer.kind {
        case .transposed3x3:
            kernels.transposedConvolveParameterGradients(outputGradient, input: input)
        case .conv3x3 where winograd:
            kernels.winogradConvolveParameterGradients(outputGradient, input: input)
        case .conv3x3, .conv1x1:
            kernels.convolveParameterGradients(outputGradient, input: input, kernelSize: layer.kernelSize,
                                               padding: layer.padding)
        }
    }

    /// The gradient of `layer`'s output with respect to its input.
    func inputGradient(_ layer: ConvolutionLayer, outputGradient: Tensor, parameters: ParameterSet) -> Tensor {
        let weight = parameters.require(layer.parameterName(.weight))
        switch layer.kind {
        case .transposed3x3:
            return kernels.transposedConvolveInputGradient(outputGradient, weight: weight)
        case .conv3x3 where isWinograd(layer):
            return kernels.winogradConvolveInputGradient(outputGradient, weight: weight)
        case .conv3x3, .conv1x1:
            return kernels.convolveInputGradient(outputGradient, weight: weight, padding: layer.padding)
        }
    }

    /// Stores the parameter gradients of `layer` and returns its input gradient.
    func backward(_ layer: ConvolutionLayer, input: Tensor, outputGradient: Tensor, parameters: ParameterSet,
                  gradients: inout ParameterSet) -> Tensor {
        storeParameterGradients(layer, input: input, outputGradient: outputGradient, into: &gradients)
        return inputGradient(layer, outputGradient: outputGradient, parameters: parameters)
    }
}

extension ParameterSet {
    /// Stores the weight and bias gradients of `layer` under its parameters' names.
    mutating func setGradients(of layer: ConvolutionLayer, _ layerGradients: (weight: Tensor, bias: Tensor)) {
        set(layer.parameterName(.weight), to: layerGradients.weight)
        set(layer.parameterName(.bias), to: layerGradients.bias)
    }

    /// The tensor named `name`, which the layout guarantees to exist.
    func require(_ name: ParameterName) -> Tensor {
        guard let tensor = self[name] else { preconditionFailure("the layout has no parameter \(name)") }
        return tensor
    }
}
