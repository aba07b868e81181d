import Kernels
import PlasticUNet

/// Adam with PyTorch's semantics (bias-corrected moments, epsilon added after the square
/// root), applied tensor by tensor in float32.
///
/// For update number t (counting from 1), with the scalars computed in double precision
/// and rounded once to float32 (`c1 = 1 - beta1^t`, `c2 = 1 - beta2^t`, powers by
/// repeated squaring):
/// ```
/// m = m + (1 - beta1) * (g - m)
/// v = v * beta2 + ((1 - beta2) * g) * g
/// p = p + (-lr / c1) * (m / (sqrt(v) / sqrt(c2) + eps))
/// ```
package struct Adam: Equatable, Sendable {
    /// The hyper-parameters.
    package let beta1: Double, beta2: Double, epsilon: Double
    /// The number of updates made so far.
    package private(set) var step: Int64
    /// The first moments, parallel to the parameters.
    package private(set) var firstMoments: [Tensor]
    /// The second moments, parallel to the parameters.
    package private(set) var secondMoments: [Tensor]

    /// An optimizer state: zero moments for `parameters`, unless given.
    package init(parameters: ParameterSet, beta1: Double = AdamDefaults.beta1, beta2: Double = AdamDefaults.beta2,
                epsilon: Double = AdamDefaults.epsilon, step: Int64 = 0, firstMoments: [Tensor]? = nil,
                secondMoments: [Tensor]? = nil) {
        let zeros = parameters.specs.map { Tensor(shape: $0.shape) }
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.step = step
        self.firstMoments = firstMoments ?? zeros
        self.secondMoments = secondMoments ?? zeros
    }

    /// Applies one update with `gradients` at learning rate `learningRate`, in place, each
    /// tensor cut into pieces for up to `threadCount` threads (the result does not depend
    /// on it).
    /// - Returns: the index of the first tensor whose gradient or updated value holds a NaN
    ///   or an infinity, or nil when all are finite.
    /// - Precondition: `gradients` has the parameters' specs.
    @discardableResult
    package mutating func update(_ parameters: inout ParameterSet, gradients: ParameterSet,
                                 learningRate: Double, threadCount: Int = 1) -> Int? {
        apply(&parameters, gradients: gradients, learningRate: learningRate, threadCount: threadCount,
              digesting: false).firstNonFinite
    }

    /// Applies one update as ``update(_:gradients:learningRate:threadCount:)`` does, and
    /// digests the updated parameters and moments in the same pass (``StepDigest``).
    /// - Returns: the index of the first tensor that is not finite, as `update` does, and
    ///   the digests of the parameters and of the moments.
    package mutating func updateDigesting(_ parameters: inout ParameterSet, gradients: ParameterSet,
                                          learningRate: Double,
                                          threadCount: Int = 1) -> (firstNonFinite: Int?, parameters: UInt64,
                                                                    optimizer: UInt64) {
        let update = apply(&parameters, gradients: gradients, learningRate: learningRate, threadCount: threadCount,
                           digesting: true)
        let digests = Self.stateDigests(update.blockDigests)
        return (update.firstNonFinite, digests.parameters, digests.optimizer)
    }

    /// A tensor whose gradient or updated value holds a NaN or an infinity.
    package struct NonFiniteTensor: Equatable, Sendable {
        /// Its position in the parameters' specs.
        package let index: Int
        /// Whether the gradient holds one (else only the updated value does).
        package let inGradient: Bool
    }

    /// What an update made a tensor at a time gives (``finishUpdate(_:)``).
    package struct Outcome: Sendable {
        /// The updated parameters.
        package let parameters: ParameterSet
        /// The first tensor, in spec order, that is not finite, or nil when all are.
        package let firstNonFinite: NonFiniteTensor?
        /// The digests of the updated parameters and of the moments (``StepDigest``), when
        /// the update was begun digesting.
        package let digests: (parameters: UInt64, optimizer: UInt64)?
    }

    /// Starts update number ``step`` + 1 of `parameters` at `learningRate`, to be made a
    /// tensor at a time during a backward pass (``AdamUpdate``), digesting the updated
    /// tensors when `digesting`. The parameters and the moments go to the update until
    /// ``finishUpdate(_:)`` gives them back: call it before anything else of this optimizer.
    package mutating func beginUpdate(of parameters: consuming ParameterSet, learningRate: Double,
                                      digesting: Bool) -> AdamUpdate {
        let coefficients = nextCoefficients(learningRate: learningRate)
        var (first, second) = ([Tensor](), [Tensor]())
        // The update alone holds the moments, which it changes in place.
        swap(&first, &firstMoments)
        swap(&second, &secondMoments)
        return AdamUpdate(parameters: parameters, firstMoments: consume first, secondMoments: consume second,
                          coefficients: coefficients, digesting: digesting)
    }

    /// Ends `update` (``beginUpdate(of:learningRate:digesting:)``) once its backward pass
    /// has returned: the tensors that received no gradient are updated with zeros (as
    /// ``update(_:gradients:learningRate:threadCount:)`` updates them), and the parameters
    /// and the moments come back.
    package mutating func finishUpdate(_ update: AdamUpdate) -> Outcome {
        let finished = update.finish()
        (firstMoments, secondMoments) = (finished.firstMoments, finished.secondMoments)
        return Outcome(parameters: finished.parameters, firstNonFinite: finished.firstNonFinite,
                       digests: finished.blockDigests.map(Self.stateDigests))
    }

    /// Counts update number ``step`` + 1 and gives its coefficients at `learningRate`.
    private mutating func nextCoefficients(learningRate: Double) -> AdamArithmetic.Coefficients {
        step += 1
        let c1 = 1 - Self.power(beta1, step), c2 = 1 - Self.power(beta2, step)
        return AdamArithmetic.Coefficients(
            keep1: Float(1 - beta1), beta2: Float(beta2), keep2: Float(1 - beta2),
            stepSize: Float(-learningRate / c1), correction: Float(c2.squareRoot()), epsilon: Float(epsilon))
    }

    /// The digests of the parameters and of the moments from each tensor's block digests
    /// (those of p, m and v interleaved, as ``AdamArithmetic`` writes them).
    private static func stateDigests(_ blocks: [[UInt64]]) -> (parameters: UInt64, optimizer: UInt64) {
        let part = { (offset: Int) in
            blocks.flatMap { tensor in stride(from: offset, to: tensor.count, by: 3).map { tensor[$0] } }
        }
        return (StateDigest.combine(part(0)), StateDigest.combine(part(1) + part(2)))
    }

    /// One update, with each tensor's block digests when `digesting`.
    private mutating func apply(_ parameters: inout ParameterSet, gradients: ParameterSet, learningRate: Double,
                                threadCount: Int, digesting: Bool) -> (firstNonFinite: Int?, blockDigests: [[UInt64]]) {
        let coefficients = nextCoefficients(learningRate: learningRate)
        var firstNonFinite: Int?
        var blockDigests: [[UInt64]] = []
        for index in parameters.tensors.indices {
            let update = parameters.modifyScalars(ofTensor: index) { p in
                Self.updateTensor(&p, firstMoments: &firstMoments[index].scalars,
                                  secondMoments: &secondMoments[index].scalars,
                                  gradients: gradients.tensors[index].scalars, coefficients: coefficients,
                                  threadCount: threadCount, digesting: digesting)
            }
            if !update.finite && firstNonFinite == nil { firstNonFinite = index }
            blockDigests.append(update.blockDigests)
        }
        return (firstNonFinite, blockDigests)
    }

    /// One tensor's update in place (``AdamArithmetic``), with the digests of its blocks
    /// when `digesting` (none otherwise).
    /// - Returns: whether its gradient and its updated values are finite, and the digests.
    static func updateTensor(_ parameters: inout [Float], firstMoments: inout [Float], secondMoments: inout [Float],
                             gradients: [Float], coefficients: AdamArithmetic.Coefficients, threadCount: Int,
                             digesting: Bool) -> (finite: Bool, blockDigests: [UInt64]) {
        var digests = [UInt64](repeating: 0, count: digesting ? 3 * StateDigest.blockCount(parameters.count) : 0)
        let finite = digests.withUnsafeMutableBufferPointer { digests in
            AdamArithmetic.update(parameters: &parameters, firstMoments: &firstMoments, secondMoments: &secondMoments,
                                  gradients: gradients, coefficients: coefficients, threadCount: threadCount,
                                  digests: digesting ? digests : nil)
        }
        return (finite, digests)
    }

    /// `base^exponent` by repeated squaring, the same bits on every machine.
    static func power(_ base: Double, _ exponent: Int64) -> Double {
        var result = 1.0, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= factor }
            factor *= factor
            remaining >>= 1
        }
        return result
    }
}
