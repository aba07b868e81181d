import PortableMath

/// The loss of docs/MODEL.md §4: binary cross-entropy of the probabilities against the mask,
/// the mean over the pixels, with each logarithm clamped at -100 as in PyTorch's `BCELoss`.
package enum BinaryCrossEntropy {
    /// The loss, in double precision:
    /// `mean(-(t·max(log y, -100) + (1-t)·max(log(1-y), -100)))`.
    ///
    /// For each pixel i in order, with y widened exactly to double: the term is
    /// `max(PortableMath.log(p), -100)` where `p = 1 - y` if `t == 0` and `p = y` otherwise
    /// (`1 - y` rounded in double); the running sum starts at 0 and subtracts each term;
    /// the result is the sum divided by the pixel count. NaN probabilities give NaN; a
    /// probability of exactly 0 or 1 on the wrong side costs 100.
    /// - Parameters:
    ///   - probabilities: Y, one value in [0, 1] per pixel, any shape.
    ///   - mask: the truth, one value 0 or 1 per pixel (any nonzero value counts as 1).
    /// - Returns: the mean loss.
    /// - Complexity: O(n) logarithms for n pixels.
    package static func loss(_ probabilities: Tensor, mask: [UInt8]) -> Double {
        let count = mask.count
        precondition(probabilities.count == count, "\(probabilities.count) probabilities for \(count) mask pixels")
        var sum = 0.0
        probabilities.scalars.withReader { y in
            mask.withReader { t in
                for i in 0..<count {
                    let probability = t[i] == 0 ? 1 - Double(y[i]) : Double(y[i])
                    sum -= max(PortableMath.log(probability), -100)
                }
            }
        }
        return sum / Double(count)
    }

    /// The gradient of ``loss(_:mask:)`` with respect to Y, as PyTorch's `BCELoss` backward
    /// computes it in float32: `(1/N) * (y - t) / max((1 - y) * y, 1e-12)`.
    ///
    /// With `s = 1 / Float(N)` rounded once, element i is
    /// `s * (y[i] - Float(t[i])) / max((1 - y[i]) * y[i], 1e-12)`, evaluated left to right,
    /// every operation rounded to float32. NaN probabilities give NaN.
    /// - Parameters:
    ///   - probabilities: Y, one value per pixel, any shape.
    ///   - mask: the truth, one value per pixel.
    /// - Returns: the gradient, of the shape of `probabilities`.
    /// - Complexity: O(n) for n pixels.
    package static func gradient(_ probabilities: Tensor, mask: [UInt8]) -> Tensor {
        let count = mask.count
        precondition(probabilities.count == count, "\(probabilities.count) probabilities for \(count) mask pixels")
        let scale = 1 / Float(count)
        return Tensor(shape: probabilities.shape, scalars: [Float](count: count) { output in
            probabilities.scalars.withReader { y in
                mask.withReader { t in
                    for i in 0..<count {
                        output[i] = scale * (y[i] - Float(t[i])) / max((1 - y[i]) * y[i], 1e-12)
                    }
                }
            }
        })
    }
}
