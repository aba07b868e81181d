/// The rectified linear unit and its derivative, with PyTorch's convention ReLU'(0) = 0.
package enum Activation {
    /// `x > 0 ? x : 0` elementwise.
    ///
    /// Zero of either sign and NaN give +0.0 (the comparison is false).
    /// - Parameters:
    ///   - x: any shape.
    ///   - path: the kernel path whose loop computes it; every path gives the same bits.
    ///   - threadCount: the most threads that share it; the result does not depend on it.
    /// - Returns: a tensor of the same shape.
    /// - Complexity: O(n) for n elements.
    package static func relu(_ x: Tensor, path: KernelPath = .selected, threadCount: Int = 1) -> Tensor {
        x.mapScalars(threadCount: threadCount, loop: path.tileKernels.relu)
    }

    /// The gradient of ``relu(_:path:threadCount:)``: `input > 0 ? outputGradient : 0`
    /// elementwise, so an input of exactly zero passes no gradient.
    /// - Parameters:
    ///   - outputGradient: the gradient with respect to the output of ``relu(_:path:threadCount:)``.
    ///   - input: the input of ``relu(_:path:threadCount:)``, of the same shape.
    ///   - path: the kernel path whose loop computes it; every path gives the same bits.
    ///   - threadCount: the most threads that share it; the result does not depend on it.
    /// - Returns: the gradient with respect to `input`.
    /// - Complexity: O(n) for n elements.
    package static func reluGradient(_ outputGradient: Tensor, input: Tensor, path: KernelPath = .selected,
                                     threadCount: Int = 1) -> Tensor {
        outputGradient.zipScalars(input, threadCount: threadCount, loop: path.tileKernels.reluGradient)
    }
}
