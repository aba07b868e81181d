import Kernels

/// The plastic head of docs/MODEL.md §3: `Y = sigmoid(A · W)` with the effective weights
/// `W = w + alpha ⊙ H` (free), `w + a·H` (yoked) or `w` (rule none).
///
/// Arithmetic: `W[i,j] = w[i,j] + alpha[i,j] * H[i,j]` (the product rounded, then the sum);
/// the products are those of `MatrixProducts` in Kernels.
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
        let logits = MatrixProducts.product(input, weights)
        return Pass(input: input, effectiveWeights: weights, probabilities: Logistic.sigmoid(logits))
    }

    /// Hands the gradients of w, alpha and (with learnEta) eta to `gradients` and returns
    /// the gradient with respect to A.
    func backward(_ pass: Pass, probabilityGradient: Tensor, parameters: any ParameterSource, trace: PlasticTrace?,
                  gradients: any GradientSink) -> Tensor {
        let logitGradient = Logistic.sigmoidGradient(probabilityGradient, output: pass.probabilities)
        let size = configuration.size
        let weightGradient = MatrixProducts.transposedProduct(pass.input, logitGradient, rows: 0..<size)
        gradients.receive(weightGradient, for: .head(.w))
        if let trace, configuration.isPlastic {
            let alpha = parameters.require(.head(.alpha))
            let alphaGradient = switch configuration.alpha {
            case .free: Elementwise.multiply(weightGradient, trace.hebb)
            case .yoked: Tensor(shape: [1], scalars: [MatrixProducts.dot(weightGradient, trace.hebb)])
            }
            gradients.receive(alphaGradient, for: .head(.alpha))
            if let sensitivity = trace.etaSensitivity {
                // dL/d eta = <dL/dW, dW/d eta> with dW/d eta = alpha ⊙ G.
                let etaGradient = MatrixProducts.dot(weightGradient, Self.alphaProduct(alpha, sensitivity))
                gradients.receive(Tensor(shape: [1], scalars: [etaGradient]), for: .head(.eta))
            }
        }
        return MatrixProducts.product(logitGradient, MatrixProducts.transpose(pass.effectiveWeights))
    }

    /// `alpha ⊙ x` for free alpha, `a · x` for yoked alpha (one element).
    static func alphaProduct(_ alpha: Tensor, _ x: Tensor) -> Tensor {
        alpha.count == 1 ? Elementwise.scale(x, by: alpha.scalars[0]) : Elementwise.multiply(alpha, x)
    }
}
