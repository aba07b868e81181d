import Kernels
import PortableMath

/// The loss of docs/MODEL.md §4: binary cross-entropy of the probabilities against the mask,
/// the mean over the pixels, with each logarithm clamped at -100 as in PyTorch's `BCELoss`.
public enum BinaryCrossEntropy {
    /// The loss, in double precision: `mean(-(t·max(log y, -100) + (1-t)·max(log(1-y), -100)))`,
    /// summed in pixel order.
    /// - Parameters:
    ///   - probabilities: Y, `S*S` values in [0, 1].
    ///   - mask: the truth, `S*S` values 0 or 1.
    public static func loss(_ probabilities: Tensor, mask: [UInt8]) -> Double {
        var sum = 0.0
        for (y, t) in zip(probabilities.scalars, mask) {
            let probability = t == 0 ? 1 - Double(y) : Double(y)
            sum -= max(PortableMath.log(probability), -100)
        }
        return sum / Double(mask.count)
    }

    /// The gradient of the loss with respect to Y, as PyTorch's `BCELoss` backward computes
    /// it in float32: `(1/N) * (y - t) / max((1 - y) * y, 1e-12)`.
    public static func gradient(_ probabilities: Tensor, mask: [UInt8]) -> Tensor {
        let scale = 1 / Float(mask.count)
        return Tensor(shape: probabilities.shape, scalars: zip(probabilities.scalars, mask).map { y, t in
            scale * (y - Float(t)) / max((1 - y) * y, 1e-12)
        })
    }
}
