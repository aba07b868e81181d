/// PyTorch's `StepLR`, stepped once per optimizer step: the learning rate of update t
/// (counting from 0) is `lr · gamma^floor(t / stepSize)`.
package struct StepLearningRate: Equatable, Sendable {
    /// The base learning rate.
    package let base: Double
    /// The factor applied every `stepSize` updates.
    package let gamma: Double
    /// The period, in updates.
    package let stepSize: Int

    /// A schedule.
    package init(base: Double, gamma: Double, stepSize: Int) {
        self.base = base
        self.gamma = gamma
        self.stepSize = stepSize
    }

    /// The learning rate of update `step` (0 for the first).
    package func rate(atStep step: Int64) -> Double {
        base * Adam.power(gamma, step / Int64(stepSize))
    }
}
