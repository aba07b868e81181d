import Kernels

/// Applies the network's convolutions with the values of a parameter set, and takes them
/// back: the parameter gradients go to a gradient sink, the input gradient is returned.
struct ConvolutionStep {
    let kernels: any ConvolutionKernels
    /// The arithmetic of the 3 x 3 convolutions of stride 1.
    let arithmetic: ConvolutionArithmetic
    /// Weights of Winograd layers made ready for many passes, by layer name
    /// (``UNetBody/winogradWeights(parameters:size:)``); the other layers' weights are
    /// transformed on each call.
    var winogradWeights: [String: WinogradWeight] = [:]
    /// The jobs that compute the parameter gradients beside the input gradients
    /// (``UNetBody/backward(_:outputGradient:parameters:gradients:)``); nil: at once.
    var sideJobs: SideJobs?

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

    /// Hands the weight and bias gradients of `layer`, which saw `input`, to `gradients`: at
    /// once, or with ``sideJobs``, from a job that computes them.
    func storeParameterGradients(_ layer: ConvolutionLayer, input: Tensor, outputGradient: Tensor,
                                 into gradients: any GradientSink) {
        let winograd = isWinograd(layer)
        let store = { @Sendable (kernels: any ConvolutionKernels) in
            let (weight, bias) = Self.parameterGradients(layer, winograd: winograd, input: input,
                                                         outputGradient: outputGradient, kernels: kernels)
            gradients.receive(weight: weight, bias: bias, of: layer)
        }
        guard let sideJobs else {
            store(kernels)
            return
        }
        sideJobs.add(store)
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
    func inputGradient(_ layer: ConvolutionLayer, outputGradient: Tensor, parameters: any ParameterSource) -> Tensor {
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

    /// Hands the parameter gradients of `layer` to `gradients` and returns its input gradient,
    /// which is made first: the layer's weight is not read after its gradient is handed over
    /// (``ParameterSource``).
    func backward(_ layer: ConvolutionLayer, input: Tensor, outputGradient: Tensor, parameters: any ParameterSource,
                  gradients: any GradientSink) -> Tensor {
        let inputGradient = inputGradient(layer, outputGradient: outputGradient, parameters: parameters)
        storeParameterGradients(layer, input: input, outputGradient: outputGradient, into: gradients)
        return inputGradient
    }
}
