import Kernels
import PortableMath

/// The logistic function, computed in double precision with the portable exponential and
/// rounded once to float32.
enum Sigmoid {
    /// `1 / (1 + e^-z)` for each element.
    static func apply(_ z: Tensor) -> Tensor {
        Tensor(shape: z.shape, scalars: z.scalars.map { Float(1 / (1 + PortableMath.exp(-Double($0)))) })
    }

    /// The gradient with respect to z given the gradient with respect to y = sigmoid(z):
    /// `dy * (1 - y) * y`, evaluated left to right as PyTorch does.
    static func gradient(_ outputGradient: Tensor, output: Tensor) -> Tensor {
        Tensor(shape: output.shape, scalars: zip(outputGradient.scalars, output.scalars).map { dy, y in dy * (1 - y) * y })
    }
}
