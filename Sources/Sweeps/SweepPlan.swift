import Checksums
import Foundation
import ModelFile
import Reports
import Training

/// A sweep: every run's full configuration, the data and the threads, as `plan.json` in
/// the sweep's folder (`schemas/sweep-plan-v2.schema.json`; version 1 plans, which have no
/// folds, are still read). Runs are numbered from 0, variant by variant, each variant's
/// seeds in order and, in a sweep with folds, each seed's folds in order; run I lives in
/// its own folder under `runs/`.
package struct SweepPlan: SweepFile, Equatable, Sendable {
    /// The name of the plan file in a sweep's folder.
    package static let fileName = "plan.json"
    /// The value of `format`.
    package static let format = "plastic-unet-sweep-plan"
    /// The value of `format_version` written.
    package static let formatVersion = 2
    static let readableVersions = 1...2
    static let kind = "sweep plan"

    /// The data every run trains on.
    package struct Data: Codable, Equatable, Sendable {
        /// The data folder's absolute path, or nil for the embedded data set.
        package let path: String?
        /// The data set's fingerprint: a run refuses other data.
        package let fingerprint: String
        /// The image side S.
        package let size: Int

        /// Data from its parts.
        package init(path: String?, fingerprint: String, size: Int) {
            self.path = path
            self.fingerprint = fingerprint
            self.size = size
        }
    }

    /// One run.
    package struct Run: Codable, Equatable, Sendable {
        /// Its number, from 0 (a Slurm array task's id).
        package let index: Int
        /// The variant's name.
        package let variant: String
        /// The seed.
        package let seed: UInt64
        /// The fold held out for validation, 1...K, in a sweep with folds.
        package let fold: Int?
        /// Its folder, relative to the sweep's.
        package let folder: String
        /// Its full configuration, as a model file's `config`.
        package let config: JSONValue

        /// The run's model file in the sweep whose folder is `sweep`.
        package func modelURL(in sweep: URL) -> URL {
            sweep.appendingPathComponent(folder).appendingPathComponent("model.h5")
        }

        /// The run's result file in the sweep whose folder is `sweep`.
        package func resultURL(in sweep: URL) -> URL {
            sweep.appendingPathComponent(folder).appendingPathComponent(SweepResult.fileName)
        }

        /// The sha256 of the config as JSON with sorted keys: what a result records, so
        /// that the result of another plan's run is not taken for this one's.
        package var configSHA256: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // A JSONValue read from JSON holds only finite numbers, so it always encodes.
            return SHA256.hash(Array((try? encoder.encode(config)) ?? Foundation.Data())).hex
        }
    }

    /// `plastic-unet-sweep-plan`.
    package let format: String
    /// 2 (1 for plans written before version 2).
    package let formatVersion: Int
    /// The program that wrote the plan.
    package let generator: String
    /// The data.
    package let data: Data
    /// The threads of each run.
    package let threads: Int
    /// The variants, in order.
    package let variants: [String]
    /// The seeds, in order.
    package let seeds: [UInt64]
    /// The number K of folds each seed's runs partition the images into, or nil for runs
    /// that hold out their validation fraction.
    package let folds: Int?
    /// The runs, by index.
    package let runs: [Run]

    private enum CodingKeys: String, CodingKey {
        case format, generator, data, threads, variants, seeds, folds, runs
        case formatVersion = "format_version"
    }

    /// The plan of `variants` x `seeds` (x folds 1...`folds`, when given) over `base`
    /// (whose rule, alpha, trace rows, eta learning and seed each run replaces, and its
    /// folds and fold when there are folds).
    package init(variants: [SweepVariant], seeds: [UInt64], folds: Int? = nil, base: RunConfiguration, data: Data,
                 threads: Int) {
        format = Self.format
        formatVersion = Self.formatVersion
        generator = PlasticUNetVersion.generator
        self.data = data
        self.threads = threads
        self.variants = variants.map(\.description)
        self.seeds = seeds
        self.folds = folds
        var runs: [Run] = []
        for variant in variants {
            for seed in seeds {
                for fold in Self.foldsOfASeed(folds) {
                    var configuration = base
                    configuration.model = variant.configuration(over: base.model)
                    configuration.training.seed = seed
                    configuration.training.folds = folds
                    configuration.training.fold = fold
                    let index = runs.count
                    runs.append(Run(index: index, variant: variant.description, seed: seed, fold: fold,
                                    folder: "runs/" + Self.folderName(index: index, variant: variant, seed: seed,
                                                                      fold: fold),
                                    config: JSONValue.object(parsing: configuration.jsonText()) ?? .object([:])))
                }
            }
        }
        self.runs = runs
    }

    /// The folds of each seed's runs: 1...`folds`, or one run without a fold.
    private static func foldsOfASeed(_ folds: Int?) -> [Int?] {
        folds.map { (1...max($0, 1)).map(Optional.some) } ?? [nil]
    }

    /// `0007-oja-free-seed3`, or `0007-oja-free-seed3-fold2` in a sweep with folds: sorted
    /// by index in a listing (up to ``maximumRuns`` runs).
    static func folderName(index: Int, variant: SweepVariant, seed: UInt64, fold: Int?) -> String {
        let number = String(index)
        return String(repeating: "0", count: max(0, 4 - number.count)) + number + "-\(variant)-seed\(seed)"
            + (fold.map { "-fold\($0)" } ?? "")
    }

    /// The run's configuration.
    /// - Throws: `ModelFileError.configuration` when the plan's config of the run is not
    ///   usable.
    package func configuration(of run: Run) throws -> RunConfiguration {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try RunConfiguration(jsonText: String(decoding: try encoder.encode(run.config), as: UTF8.self))
    }

    /// Writes the plan into `folder`, replacing an existing one atomically.
    /// - Throws: `FileWriteError` naming the file.
    package func write(into folder: URL) throws {
        try writeJSON(to: folder.appendingPathComponent(Self.fileName))
    }

    /// Reads the plan of the sweep in `folder`.
    /// - Throws: ``SweepError`` naming the file when it is missing, not JSON, or not a plan
    ///   of this format version.
    package static func read(from folder: URL) throws -> SweepPlan {
        let url = folder.appendingPathComponent(fileName)
        guard let plan = try readJSON(url) else {
            throw SweepError.noPlan(file: url.path)
        }
        try plan.check(url.path)
        return plan
    }

    /// The most runs a plan holds: run folders are numbered with four digits.
    package static let maximumRuns = 9999

    /// Refuses a plan that `plan` would not have written: runs not numbered 0, 1, 2, ..., a
    /// run whose config is unusable, is not of its variant, seed and fold or of the data's
    /// size, whose folder is not its own, runs that are not the variants x seeds (x folds)
    /// in order, or threads below 1.
    /// - Throws: ``SweepError`` naming `file` and the run.
    func check(_ file: String) throws {
        guard !runs.isEmpty, runs.count <= Self.maximumRuns else {
            throw SweepError.runCount(file: file, count: runs.count)
        }
        guard threads >= 1 else { throw SweepError.threads(file: file, count: threads) }
        for (offset, run) in runs.enumerated() {
            let problem = { (problem: SweepError.RunProblem) in SweepError.run(file: file, position: offset, problem) }
            guard run.index == offset else { throw problem(.misnumbered(index: run.index)) }
            guard let variant = SweepVariant(name: run.variant) else { throw problem(.unknownVariant(run.variant)) }
            let configuration: RunConfiguration
            do {
                configuration = try self.configuration(of: run)
            } catch {
                throw problem(.unusableConfig(reason: "\(error)"))
            }
            if let text = configuration.model.problem ?? configuration.training.problem {
                throw problem(.unusableConfig(reason: text))
            }
            guard configuration.model == variant.configuration(over: configuration.model),
                  configuration.training.seed == run.seed, configuration.training.folds == folds,
                  configuration.training.fold == run.fold else {
                throw problem(.otherConfig(variant: run.variant, seed: run.seed, fold: run.fold))
            }
            guard configuration.model.size == data.size else {
                throw problem(.otherSize(size: configuration.model.size, dataSize: data.size))
            }
            guard run.folder == "runs/" + Self.folderName(index: run.index, variant: variant, seed: run.seed,
                                                          fold: run.fold) else {
                throw problem(.foreignFolder(run.folder))
            }
        }
        let (count, overflow) = (variants.count * seeds.count).multipliedReportingOverflow(by: folds ?? 1)
        guard !overflow, count == runs.count else { throw SweepError.otherRuns(file: file) }
        let planned = variants.flatMap { variant in
            seeds.flatMap { seed in Self.foldsOfASeed(folds).map { (variant, seed, $0) } }
        }
        guard zip(planned, runs).allSatisfy({ $0.0 == $1.variant && $0.1 == $1.seed && $0.2 == $1.fold }) else {
            throw SweepError.otherRuns(file: file)
        }
    }

    /// Whether `other` plans the same runs on the same data (the threads and the program's
    /// version may differ: they do not change the results).
    package func hasTheSameRuns(as other: SweepPlan) -> Bool {
        runs == other.runs && data == other.data && folds == other.folds
    }
}
