import Kernels

/// The plastic head of docs/MODEL.md §3: `Y = sigmoid(A · W)` with the effective weights
/// `W = w + alpha ⊙ H` (free), `w + a·H` (yoked) or `w` (rule none).
///
/// Arithmetic: `W[i,j] = w[i,j] + alpha[i,j] * H[i,j]` (the product rounded, then the sum);
/// the products are those of ``SquareMatrixProducts``.
struct PlasticHead {
    let configuration: ModelConfiguration

    /// What the backward pass and the trace update need.
    struct Pass {
        /// A, the S x S map from the body.
        let input: Tensor
        /// The effective weights W.
        let effectiveWeights: Tensor
        /// Y, the probabilities.
        let probabilities: Tensor
    }

    func forward(_ input: Tensor, parameters: ParameterSet, trace: PlasticTrace?) -> Pass {
        var weights = parameters.require(.head(.w))
        if let trace, configuration.isPlastic {
            let plastic = Self.alphaProduct(parameters.require(.head(.alpha)), trace.hebb)
            weights = Elementwise.add(weights, plastic)
        }
        let logits = SquareMatrixProducts.product(input, weights)
        return Pass(input: input, effectiveWeights: weights, probabilities: Sigmoid.apply(logits))
    }

    /// Stores the gradients of w, alpha and (with learnEta) eta in `gradients` and returns
    /// the gradient with respect to A.
    func backward(_ pass: Pass, probabilityGradient: Tensor, parameters: ParameterSet, trace: PlasticTrace?,
                  gradients: inout ParameterSet) -> Tensor {
        let logitGradient = Sigmoid.gradient(probabilityGradient, output: pass.probabilities)
        let size = configuration.size
        let weightGradient = SquareMatrixProducts.transposedProduct(pass.input, logitGradient, rows: 0..<size)
        gradients.set(.head(.w), to: weightGradient)
        if let trace, configuration.isPlastic {
            let alpha = parameters.require(.head(.alpha))
            let alphaGradient = switch configuration.alpha {
            case .free: Self.elementwiseProduct(weightGradient, trace.hebb)
            case .yoked: Tensor(shape: [1], scalars: [Self.dot(weightGradient, trace.hebb)])
            }
            gradients.set(.head(.alpha), to: alphaGradient)
            if let sensitivity = trace.etaSensitivity {
                // dL/d eta = <dL/dW, dW/d eta> with dW/d eta = alpha ⊙ G.
                let etaGradient = Self.dot(weightGradient, Self.alphaProduct(alpha, sensitivity))
                gradients.set(.head(.eta), to: Tensor(shape: [1], scalars: [etaGradient]))
            }
        }
        return SquareMatrixProducts.product(logitGradient, SquareMatrixProducts.transpose(pass.effectiveWeights))
    }

    /// `alpha ⊙ x` for free alpha, `a · x` for yoked alpha (one element).
    static func alphaProduct(_ alpha: Tensor, _ x: Tensor) -> Tensor {
        if alpha.count == 1 {
            let a = alpha.scalars[0]
            return Tensor(shape: x.shape, scalars: x.scalars.map { a * $0 })
        }
        return elementwiseProduct(alpha, x)
    }

    /// The elementwise product.
    static func elementwiseProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
        Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map(*))
    }

    /// `Σ a[i] b[i]` as one fused multiply-add chain from 0 in storage order.
    static func dot(_ a: Tensor, _ b: Tensor) -> Float {
        zip(a.scalars, b.scalars).reduce(Float(0)) { $0.addingProduct($1.0, $1.1) }
    }
}
