/// The rectified linear unit and its derivative, with PyTorch's convention ReLU'(0) = 0.
package enum Activation {
    /// `x > 0 ? x : 0` elementwise.
    ///
    /// Zero of either sign and NaN give +0.0 (the comparison is false).
    /// - Parameter x: any shape.
    /// - Returns: a tensor of the same shape.
    /// - Complexity: O(n) for n elements.
    package static func relu(_ x: Tensor) -> Tensor {
        x.mapScalars { $0 > 0 ? $0 : 0 }
    }

    /// The gradient of ``relu(_:)``: `input > 0 ? outputGradient : 0` elementwise, so an
    /// input of exactly zero passes no gradient.
    /// - Parameters:
    ///   - outputGradient: the gradient with respect to the output of ``relu(_:)``.
    ///   - input: the input of ``relu(_:)``, of the same shape.
    /// - Returns: the gradient with respect to `input`.
    /// - Complexity: O(n) for n elements.
    package static func reluGradient(_ outputGradient: Tensor, input: Tensor) -> Tensor {
        outputGradient.zipScalars(input) { dy, x in x > 0 ? dy : 0 }
    }
}
