extension FastKernels {
    /// See ``ConvolutionKernels/winogradConvolve(_:weight:bias:)``.
    package func winogradConvolve(_ input: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        convolve(input, weight: weight, bias: bias, padding: 1) // PLACEHOLDER until the Winograd kernels land
    }

    /// See ``ConvolutionKernels/winogradConvolveInputGradient(_:weight:)``.
    package func winogradConvolveInputGradient(_ outputGradient: Tensor, weight: Tensor) -> Tensor {
        convolveInputGradient(outputGradient, weight: weight, padding: 1)
    }

    /// See ``ConvolutionKernels/winogradConvolveParameterGradients(_:input:)``.
    package func winogradConvolveParameterGradients(_ outputGradient: Tensor,
                                                    input: Tensor) -> (weight: Tensor, bias: Tensor) {
        convolveParameterGradients(outputGradient, input: input, kernelSize: 3, padding: 1)
    }
}
