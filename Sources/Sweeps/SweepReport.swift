import Foundation
import PlasticUNet
import Reports

/// The comparison of a sweep's variants: for each variant and trace mode, the finished
/// runs' validation scores at 0.5 and at their best threshold (mean and standard
/// deviation), and the paired difference to the baseline variant over the same seeds;
/// with every run that is missing or failed listed.
package struct SweepReport: Equatable, Sendable {
    /// The two scores compared.
    package enum Metric: String, CaseIterable, Sendable {
        /// The score at mask threshold 0.5.
        case score
        /// The best score of the threshold sweep.
        case bestScore = "best_score"

        /// The metric of `scores`.
        func value(_ scores: SweepResult.Scores) -> Double {
            self == .score ? scores.score : scores.bestScore
        }
    }

    /// One variant in one trace mode.
    package struct Row: Equatable, Sendable {
        /// The variant.
        package let variant: String
        /// The trace mode.
        package let mode: TraceMode
        /// Each finished run's scores, by seed.
        package let scores: [UInt64: SweepResult.Scores]
        /// The spread of each metric over the finished runs (nil without one).
        package let spread: [Metric: ScoreSpread]
        /// The paired difference to the baseline by metric (none for the baseline itself,
        /// or without a common seed).
        package let difference: [Metric: PairedDifference]
    }

    /// A run without a finished result.
    package struct Unfinished: Equatable, Sendable {
        /// The run.
        package let index: Int
        /// Its variant.
        package let variant: String
        /// Its seed.
        package let seed: UInt64
        /// Why it failed, or nil when it has no result yet.
        package let failure: String?
    }

    /// The baseline variant.
    package let baseline: String
    /// The number of runs in the plan.
    package let plannedRuns: Int
    /// The rows, variant by variant in the plan's order, each in the trace modes' order.
    package let rows: [Row]
    /// The runs that are missing or failed, by index.
    package let unfinished: [Unfinished]

    /// The report of the sweep in `folder`.
    /// - Throws: ``SweepError`` when the baseline is not a variant of the plan, or a result
    ///   file is not a result of its run.
    package init(folder: URL, plan: SweepPlan, baseline: String) throws {
        guard plan.variants.contains(baseline) else {
            throw SweepError.unknownBaseline(baseline, variants: plan.variants)
        }
        var finished: [String: [UInt64: SweepResult]] = [:]
        var unfinished: [Unfinished] = []
        for run in plan.runs {
            let result = try SweepResult.read(of: run, in: folder)
            if let result, result.status == .finished {
                finished[run.variant, default: [:]][run.seed] = result
            } else {
                unfinished.append(Unfinished(index: run.index, variant: run.variant, seed: run.seed,
                                             failure: result?.error ?? result.map { _ in "failed" }))
            }
        }
        self.baseline = baseline
        plannedRuns = plan.runs.count
        self.unfinished = unfinished
        rows = plan.variants.flatMap { variant in
            TraceMode.allCases.map { mode in
                Self.row(variant, mode, finished[variant] ?? [:], baseline: variant == baseline ? nil : finished[baseline])
            }
        }
    }

    private static func row(_ variant: String, _ mode: TraceMode, _ results: [UInt64: SweepResult],
                            baseline: [UInt64: SweepResult]?) -> Row {
        let scores = results.compactMapValues { $0.scores(mode) }
        var spread: [Metric: ScoreSpread] = [:]
        var difference: [Metric: PairedDifference] = [:]
        for metric in Metric.allCases {
            let values = scores.mapValues(metric.value)
            spread[metric] = ScoreSpread(values.keys.sorted().map { values[$0]! })
            if let baseline {
                let reference = baseline.compactMapValues { $0.scores(mode) }.mapValues(metric.value)
                difference[metric] = PairedDifference(values, baseline: reference,
                                                      streamName: "bootstrap:\(variant):\(mode.rawValue):\(metric.rawValue)")
            }
        }
        return Row(variant: variant, mode: mode, scores: scores, spread: spread, difference: difference)
    }
}
