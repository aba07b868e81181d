/// PyTorch's `StepLR`, stepped once per optimizer step: the learning rate of update t
/// (counting from 0) is `lr · gamma^floor(t / stepSize)`.
public struct StepLearningRate: Equatable, Sendable {
    /// The base learning rate.
    public let base: Double
    /// The factor applied every `stepSize` updates.
    public let gamma: Double
    /// The period, in updates.
    public let stepSize: Int

    /// A schedule.
    public init(base: Double, gamma: Double, stepSize: Int) {
        self.base = base
        self.gamma = gamma
        self.stepSize = stepSize
    }

    /// The learning rate of update `step` (0 for the first).
    public func rate(atStep step: Int64) -> Double {
        base * Adam.power(gamma, step / Int64(stepSize))
    }
}
