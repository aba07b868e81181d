/// The elementwise arithmetic of one Adam step with PyTorch's semantics (bias-corrected
/// moments, epsilon added after the square root), in single precision.
///
/// The caller computes the step's scalars in double precision and rounds each once to
/// float32 (``Coefficients``); this type applies them to the elements of one tensor.
package enum AdamArithmetic {
    /// The float32 coefficients of one step, each a double-precision value rounded once.
    package struct Coefficients: Equatable, Sendable {
        /// `Float(1 - beta1)`.
        package let keep1: Float
        /// `Float(beta2)`.
        package let beta2: Float
        /// `Float(1 - beta2)`.
        package let keep2: Float
        /// `Float(-learningRate / c1)` with `c1 = 1 - beta1^t`.
        package let stepSize: Float
        /// `Float(sqrt(c2))` with `c2 = 1 - beta2^t`.
        package let correction: Float
        /// `Float(epsilon)`.
        package let epsilon: Float

        /// The coefficients, as given.
        /// - Parameters:
        ///   - keep1: `Float(1 - beta1)`.
        ///   - beta2: `Float(beta2)`.
        ///   - keep2: `Float(1 - beta2)`.
        ///   - stepSize: `Float(-learningRate / c1)`.
        ///   - correction: `Float(sqrt(c2))`.
        ///   - epsilon: `Float(epsilon)`.
        /// - Complexity: O(1).
        package init(keep1: Float, beta2: Float, keep2: Float, stepSize: Float, correction: Float, epsilon: Float) {
            self.keep1 = keep1
            self.beta2 = beta2
            self.keep2 = keep2
            self.stepSize = stepSize
            self.correction = correction
            self.epsilon = epsilon
        }
    }

    /// Applies one step to every element in place.
    ///
    /// For each i, in this order, every operation rounded to float32 (no fused multiply-add):
    /// ```
    /// m[i] = m[i] + keep1 * (g[i] - m[i])
    /// v[i] = v[i] * beta2 + (keep2 * g[i]) * g[i]
    /// p[i] = p[i] + stepSize * (m[i] / (sqrt(v[i]) / correction + epsilon))
    /// ```
    /// where `m` and `v` on the right of the last two lines are the values just updated and
    /// `sqrt` is the correctly rounded square root.
    /// - Parameters:
    ///   - parameters: p, updated.
    ///   - firstMoments: m, as many elements as `parameters`, updated.
    ///   - secondMoments: v, as many elements, updated.
    ///   - gradients: g, as many elements.
    ///   - coefficients: the step's scalars.
    ///   - threadCount: the most threads, each taking pieces of ``piece`` elements; the
    ///     result does not depend on it.
    ///   - path: the instruction set of the loop (``KernelLoops/AdamLoop``); the result
    ///     does not depend on it.
    ///   - digests: when given, receives the digests of the updated tensors' blocks
    ///     (``StateDigest``), computed in the same pass as each block is updated: for block
    ///     b (of ``StateDigest/blockElements``), p's at `3 b`, m's at `3 b + 1`, v's at
    ///     `3 b + 2`; it must hold 3 digests per block. They do not depend on the threads
    ///     or the path.
    /// - Returns: whether every gradient and every updated parameter is finite (checked in
    ///   the same pass, from the exponent bits).
    /// - Complexity: O(n) for n elements.
    @discardableResult
    package static func update(parameters: inout [Float], firstMoments: inout [Float], secondMoments: inout [Float],
                               gradients: [Float], coefficients: Coefficients, threadCount: Int = 1,
                               path: KernelPath = .selected,
                               digests: UnsafeMutableBufferPointer<UInt64>? = nil) -> Bool {
        let count = parameters.count
        precondition(firstMoments.count == count && secondMoments.count == count && gradients.count == count,
                     "\(count) parameters, \(firstMoments.count) and \(secondMoments.count) moments, "
                         + "\(gradients.count) gradients")
        precondition(digests.map { $0.count == 3 * StateDigest.blockCount(count) } ?? true,
                     "3 digests per block of \(count) elements")
        let c = coefficients
        let pieces = (count + piece - 1) / piece
        var finite = [Bool](repeating: true, count: pieces)
        let loops = path.tileKernels
        parameters.withUnsafeMutableBufferPointer { p in
            firstMoments.withUnsafeMutableBufferPointer { m in
                secondMoments.withUnsafeMutableBufferPointer { v in
                    gradients.withUnsafeBufferPointer { g in
                        finite.withUnsafeMutableBufferPointer { flags in
                            nonisolated(unsafe) let (p, m, v, g) = (p.start, m.start, v.start, g.start)
                            nonisolated(unsafe) let flags = flags.start
                            nonisolated(unsafe) let digests = digests?.baseAddress
                            ParallelRunner(threadCount: threadCount).run(taskCount: pieces) { task in
                                let range = (task * piece)..<min(count, (task + 1) * piece)
                                if let digests {
                                    flags[task] = loops.adam(
                                        parameters: p, firstMoments: m, secondMoments: v, gradients: g, range: range,
                                        keep1: c.keep1, beta2: c.beta2, keep2: c.keep2, stepSize: c.stepSize,
                                        correction: c.correction, epsilon: c.epsilon,
                                        blockElements: StateDigest.blockElements, digests: digests)
                                } else {
                                    flags[task] = loops.adam(
                                        parameters: p, firstMoments: m, secondMoments: v, gradients: g, range: range,
                                        keep1: c.keep1, beta2: c.beta2, keep2: c.keep2, stepSize: c.stepSize,
                                        correction: c.correction, epsilon: c.epsilon)
                                }
                            }
                        }
                    }
                }
            }
        }
        return !finite.contains(false)
    }

    /// The elements of one task: large enough that waking a thread pays.
    static let piece = 1 << 16
}
