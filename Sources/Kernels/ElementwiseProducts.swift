extension Elementwise {
    /// `a[i] * b[i]` for each element (one IEEE 754 single-precision multiplication, `a`
    /// the left operand).
    /// - Parameters:
    ///   - a: any shape.
    ///   - b: the shape of `a`.
    /// - Returns: the product, of the same shape.
    /// - Complexity: O(n) for n elements.
    package static func multiply(_ a: Tensor, _ b: Tensor) -> Tensor {
        a.zipScalars(b, *)
    }

    /// `s * x[i]` for each element (one single-precision multiplication, the scale the left
    /// operand).
    /// - Parameters:
    ///   - x: any shape.
    ///   - s: the scale.
    /// - Returns: the scaled tensor, of the shape of `x`.
    /// - Complexity: O(n) for n elements.
    package static func scale(_ x: Tensor, by s: Float) -> Tensor {
        x.mapScalars { s * $0 }
    }

    /// `x[i] / d` for each element (one correctly rounded single-precision division; no
    /// multiplication by a reciprocal).
    /// - Parameters:
    ///   - x: any shape.
    ///   - d: the divisor.
    /// - Returns: the quotient, of the shape of `x`.
    /// - Complexity: O(n) for n elements.
    package static func divide(_ x: Tensor, by d: Float) -> Tensor {
        x.mapScalars { $0 / d }
    }
}
