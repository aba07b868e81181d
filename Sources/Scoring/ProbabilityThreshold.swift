/// How a probability map becomes a mask: a pixel is salt when its probability is above
/// the threshold, the comparison made in double precision (docs/MODEL.md §5: `P = {Y > θ}`).
package enum ProbabilityThreshold {
    /// The predicted salt pixels of `probabilities` at `threshold`.
    /// - Complexity: O(pixels).
    package static func mask(_ probabilities: [Float], threshold: Double) -> [Bool] {
        probabilities.map { Double($0) > threshold }
    }
}
