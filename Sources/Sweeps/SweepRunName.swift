/// A run of a sweep as messages name it: `run INDEX (VARIANT, seed SEED)`.
package struct SweepRunName: Equatable, Sendable, CustomStringConvertible {
    /// The run's number.
    package let index: Int
    /// The run's variant.
    package let variant: String
    /// The run's seed.
    package let seed: UInt64

    /// `run INDEX (VARIANT, seed SEED)`.
    package var description: String { "run \(index) (\(variant), seed \(seed))" }
}

extension SweepPlan.Run {
    /// The run's name in messages.
    package var name: SweepRunName { SweepRunName(index: index, variant: variant, seed: seed) }
}

extension SweepResult {
    /// The name of the run that the result is of.
    var runName: SweepRunName { SweepRunName(index: index, variant: variant, seed: seed) }
}
