import PortableMath

/// The logistic function and its gradient.
package enum Logistic {
    /// `1 / (1 + e^-z)` for each element, computed in double precision and rounded once.
    ///
    /// Element i is `Float(1 / (1 + PortableMath.exp(-Double(z[i]))))`: the argument
    /// widened exactly and negated, the portable exponential, then the double-precision
    /// sum and quotient, then one rounding to float32. NaN gives NaN; -infinity gives 0,
    /// +infinity 1.
    /// - Parameter z: the logits, any shape.
    /// - Returns: the probabilities, of the same shape.
    /// - Complexity: O(n) exponentials for n elements.
    package static func sigmoid(_ z: Tensor) -> Tensor {
        z.mapScalars { Float(1 / (1 + PortableMath.exp(-Double($0)))) }
    }

    /// The gradient with respect to z given the gradient with respect to y = sigmoid(z).
    ///
    /// Element i is `dy[i] * (1 - y[i]) * y[i]` evaluated left to right in float32, as
    /// PyTorch does: `1 - y` rounded, then `dy * (1 - y)` rounded, then the product with y.
    /// - Parameters:
    ///   - outputGradient: dy, any shape.
    ///   - y: the output of ``sigmoid(_:)``, the shape of `outputGradient`.
    /// - Returns: the gradient with respect to z.
    /// - Complexity: O(n) for n elements.
    package static func sigmoidGradient(_ outputGradient: Tensor, output y: Tensor) -> Tensor {
        outputGradient.zipScalars(y) { dy, y in dy * (1 - y) * y }
    }
}
