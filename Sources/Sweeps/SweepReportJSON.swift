import Foundation
import Reports

/// A sweep report as JSON (`schemas/sweep-report-v2.schema.json`).
extension SweepReport {
    private struct Document: Encodable {
        let report = "plastic-unet-sweep-report"
        let reportVersion = 2
        let baseline: String
        let plannedRuns: Int
        let finishedRuns: Int
        let folds: Int?
        let bootstrapResamples = PairedDifference.resamples
        let roughBelowSeeds = PairedDifference.roughBelow
        let rows: [RowDocument]
        let unfinished: [UnfinishedDocument]
        let incomplete: [IncompleteDocument]
    }

    private struct RowDocument: Encodable {
        let variant: String
        let traceMode: String
        let seeds: Int
        let score: SpreadDocument?
        let bestScore: SpreadDocument?
        let difference: [String: DifferenceDocument]
        let imageDifference: ImageDifferenceDocument?
        let perSeed: [SeedDocument]
    }

    private struct ImageDifferenceDocument: Encodable {
        let seeds: [UInt64]
        let pairs: Int
        let mean: Double
        let low: Double
        let high: Double

        init(_ difference: ImagePairedDifference) {
            seeds = difference.seeds
            pairs = difference.pairs
            mean = difference.mean
            low = difference.low
            high = difference.high
        }
    }

    private struct SpreadDocument: Encodable {
        let mean: Double
        let standardDeviation: Double?

        init(_ spread: ScoreSpread) {
            mean = spread.mean
            standardDeviation = spread.standardDeviation
        }
    }

    private struct DifferenceDocument: Encodable {
        let seeds: [UInt64]
        let differences: [Double]
        let mean: Double
        let low: Double
        let high: Double
        let rough: Bool
    }

    private struct SeedDocument: Encodable {
        let seed: UInt64
        let images: Int?
        let score: Double
        let bestScore: Double
        let bestThreshold: Double
        let loss: Double
    }

    private struct UnfinishedDocument: Encodable {
        let index: Int
        let variant: String
        let seed: UInt64
        let fold: Int?
        let status: String
        let error: String?
    }

    private struct IncompleteDocument: Encodable {
        let variant: String
        let seed: UInt64
        let missingFolds: [Int]
        let failedFolds: [Int]
    }

    /// The report as pretty-printed JSON with sorted keys, ending in a newline.
    /// - Throws: `EncodingError` for a number that JSON cannot hold (not finite).
    package func json() throws -> String {
        let rows = self.rows.map { row in
            RowDocument(
                variant: row.variant, traceMode: row.mode.rawValue, seeds: row.seeds.count,
                score: row.spread[.score].map(SpreadDocument.init), bestScore: row.spread[.bestScore].map(SpreadDocument.init),
                difference: Dictionary(uniqueKeysWithValues: row.difference.map { metric, difference in
                    (metric.rawValue, DifferenceDocument(seeds: difference.seeds, differences: difference.differences,
                                                         mean: difference.mean, low: difference.low,
                                                         high: difference.high, rough: difference.isRough))
                }),
                imageDifference: row.imageDifference.map(ImageDifferenceDocument.init),
                perSeed: row.seeds.keys.sorted().map { seed in
                    let scores = row.seeds[seed]!.scores
                    return SeedDocument(seed: seed, images: row.seeds[seed]!.images?.count, score: scores.score,
                                        bestScore: scores.bestScore, bestThreshold: scores.bestThreshold,
                                        loss: scores.loss)
                })
        }
        let document = Document(
            baseline: baseline, plannedRuns: plannedRuns, finishedRuns: plannedRuns - unfinished.count, folds: folds,
            rows: rows,
            unfinished: unfinished.map {
                UnfinishedDocument(index: $0.index, variant: $0.variant, seed: $0.seed, fold: $0.fold,
                                   status: $0.failure == nil ? "missing" : "failed", error: $0.failure)
            },
            incomplete: incomplete.map {
                IncompleteDocument(variant: $0.variant, seed: $0.seed, missingFolds: $0.missingFolds,
                                   failedFolds: $0.failedFolds)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
