/// A run of a sweep as messages name it: `run INDEX (VARIANT, seed SEED)`, with `, fold F`
/// in a sweep with folds.
package struct SweepRunName: Equatable, Sendable, CustomStringConvertible {
    /// The run's number.
    package let index: Int
    /// The run's variant.
    package let variant: String
    /// The run's seed.
    package let seed: UInt64
    /// The run's fold, in a sweep with folds.
    package let fold: Int?

    /// `run INDEX (VARIANT, seed SEED)` or `run INDEX (VARIANT, seed SEED, fold F)`.
    package var description: String { "run \(index) (\(variant), seed \(seed)\(fold.map { ", fold \($0)" } ?? ""))" }
}

extension SweepPlan.Run {
    /// The run's name in messages.
    package var name: SweepRunName { SweepRunName(index: index, variant: variant, seed: seed, fold: fold) }
}

extension SweepResult {
    /// The name of the run that the result is of.
    var runName: SweepRunName { SweepRunName(index: index, variant: variant, seed: seed, fold: fold) }
}
