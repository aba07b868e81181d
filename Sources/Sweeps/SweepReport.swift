import Foundation
import PlasticUNet
import Reports

/// The comparison of a sweep's variants: for each variant and trace mode, each seed's
/// validation scores at 0.5 and at its best threshold (mean and standard deviation over
/// the seeds), the paired difference to the baseline variant over the same seeds, and the
/// per-image paired difference; with every run that is missing or failed listed. In a
/// sweep with folds a seed's scores pool the out-of-fold scores of its K runs
/// (``SeedScores``), and a seed with a missing or failed fold is incomplete: listed, never
/// pooled.
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
        /// Each complete seed's scores, by seed.
        package let seeds: [UInt64: SeedScores]
        /// The spread of each metric over the seeds (nil without one).
        package let spread: [Metric: ScoreSpread]
        /// The paired difference to the baseline by metric (none for the baseline itself,
        /// or without a common seed).
        package let difference: [Metric: PairedDifference]
        /// The per-image paired difference of the score at 0.5 to the baseline (none for the
        /// baseline itself, or without common images, as in version 1 results).
        package let imageDifference: ImagePairedDifference?

        /// Each complete seed's scores (without the images), by seed.
        package var scores: [UInt64: SweepResult.Scores] { seeds.mapValues(\.scores) }
    }

    /// A run without a finished result.
    package struct Unfinished: Equatable, Sendable {
        /// The run.
        package let index: Int
        /// Its variant.
        package let variant: String
        /// Its seed.
        package let seed: UInt64
        /// Its fold, in a sweep with folds.
        package let fold: Int?
        /// Why it failed, or nil when it has no result yet.
        package let failure: String?
    }

    /// A seed of a variant that a sweep with folds cannot pool: some of its folds' runs are
    /// missing or failed.
    package struct Incomplete: Equatable, Sendable {
        /// The variant.
        package let variant: String
        /// The seed.
        package let seed: UInt64
        /// The folds whose runs have no result yet.
        package let missingFolds: [Int]
        /// The folds whose runs failed.
        package let failedFolds: [Int]

        /// An incomplete seed from its parts.
        package init(variant: String, seed: UInt64, missingFolds: [Int], failedFolds: [Int]) {
            self.variant = variant
            self.seed = seed
            self.missingFolds = missingFolds
            self.failedFolds = failedFolds
        }
    }

    /// The baseline variant.
    package let baseline: String
    /// The number of runs in the plan.
    package let plannedRuns: Int
    /// The number K of folds of each seed, or nil in a sweep without folds.
    package let folds: Int?
    /// The rows, variant by variant in the plan's order, each in the trace modes' order.
    package let rows: [Row]
    /// The runs that are missing or failed, by index.
    package let unfinished: [Unfinished]
    /// The seeds that are not pooled, variant by variant in the plan's order.
    package let incomplete: [Incomplete]

    /// The report of the sweep in `folder`.
    /// - Throws: ``SweepError`` when the baseline is not a variant of the plan, a result
    ///   file is not a result of its run, or two folds of a seed validated the same image.
    package init(folder: URL, plan: SweepPlan, baseline: String) throws {
        guard plan.variants.contains(baseline) else {
            throw SweepError.unknownBaseline(baseline, variants: plan.variants)
        }
        var runs: [String: [UInt64: [(run: SweepPlan.Run, result: SweepResult?)]]] = [:]
        var unfinished: [Unfinished] = []
        for run in plan.runs {
            let result = try SweepResult.read(of: run, in: folder)
            runs[run.variant, default: [:]][run.seed, default: []].append((run, result))
            if result?.status != .finished {
                unfinished.append(Unfinished(index: run.index, variant: run.variant, seed: run.seed, fold: run.fold,
                                             failure: result?.error ?? result.map { _ in "failed" }))
            }
        }
        var complete: [String: [UInt64: [SweepResult]]] = [:]
        var incomplete: [Incomplete] = []
        for variant in plan.variants {
            for seed in plan.seeds {
                let seedRuns = runs[variant]?[seed] ?? []
                let finished = seedRuns.compactMap { $0.result?.status == .finished ? $0.result : nil }
                if finished.count == seedRuns.count {
                    complete[variant, default: [:]][seed] = finished
                } else if plan.folds != nil {
                    incomplete.append(Incomplete(
                        variant: variant, seed: seed,
                        missingFolds: seedRuns.filter { $0.result == nil }.compactMap(\.run.fold),
                        failedFolds: seedRuns.filter { $0.result?.status == .failed }.compactMap(\.run.fold)))
                }
            }
        }
        self.baseline = baseline
        plannedRuns = plan.runs.count
        folds = plan.folds
        self.unfinished = unfinished
        self.incomplete = incomplete
        let seedScores = { (variant: String, mode: TraceMode) throws -> [UInt64: SeedScores] in
            try (complete[variant] ?? [:]).compactMapValues { results in
                plan.folds == nil ? results.first.flatMap { SeedScores(run: $0, mode: mode) }
                    : try SeedScores(folds: results, mode: mode)
            }
        }
        rows = try plan.variants.flatMap { variant in
            try TraceMode.allCases.map { mode in
                Self.row(variant, mode, try seedScores(variant, mode),
                         baseline: variant == baseline ? nil : try seedScores(baseline, mode))
            }
        }
    }

    private static func row(_ variant: String, _ mode: TraceMode, _ seeds: [UInt64: SeedScores],
                            baseline: [UInt64: SeedScores]?) -> Row {
        var spread: [Metric: ScoreSpread] = [:]
        var difference: [Metric: PairedDifference] = [:]
        for metric in Metric.allCases {
            let values = seeds.mapValues { metric.value($0.scores) }
            spread[metric] = ScoreSpread(values.keys.sorted().map { values[$0]! })
            if let baseline {
                let reference = baseline.mapValues { metric.value($0.scores) }
                difference[metric] = PairedDifference(values, baseline: reference,
                                                      streamName: "bootstrap:\(variant):\(mode.rawValue):\(metric.rawValue)")
            }
        }
        let imageDifference = baseline.flatMap { baseline in
            ImagePairedDifference(seeds.compactMapValues(\.imageScores), baseline: baseline.compactMapValues(\.imageScores),
                                  streamName: "bootstrap-images:\(variant):\(mode.rawValue)")
        }
        return Row(variant: variant, mode: mode, seeds: seeds, spread: spread, difference: difference,
                   imageDifference: imageDifference)
    }
}
