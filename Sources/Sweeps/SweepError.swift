/// Why a sweep cannot be planned, run or reported: one line naming the file or run.
package enum SweepError: Error, CustomStringConvertible, Equatable {
    /// The file is not JSON of a `kind` (`sweep plan`, `sweep result`); `reason` says why.
    case unreadable(file: String, kind: String, reason: String)
    /// The file is of another format than `expected`, or of a version outside `expectedVersions`.
    case otherFormat(file: String, format: String, version: Int, expected: String, expectedVersions: ClosedRange<Int>)
    /// The folder holds no plan: `file` is where it should be.
    case noPlan(file: String)
    /// The plan holds no run, or more than ``SweepPlan/maximumRuns``.
    case runCount(file: String, count: Int)
    /// The plan's threads are below 1.
    case threads(file: String, count: Int)
    /// The run at position `position` of the plan is not one the plan would have written.
    case run(file: String, position: Int, RunProblem)
    /// The result file of `expected` holds the result of `found`.
    case resultOfOtherRun(file: String, found: SweepRunName, expected: SweepRunName)
    /// The result file holds the result of a run with another config (another plan's).
    case resultOfOtherConfig(file: String)
    /// The report's baseline is not one of the plan's `variants`.
    case unknownBaseline(String, variants: [String])
    /// The data given is not the data of the plan.
    case otherData(fingerprint: String, planned: String)
    /// There is no run `index`: the plan has `count` runs.
    case noRun(index: Int, count: Int)
    /// The model file in the folder of `run` is not a checkpoint of it on the plan's data.
    case notACheckpoint(file: String, run: SweepRunName)
    /// Two folds' results of one seed of a variant hold the same image.
    case imageInTwoFolds(variant: String, seed: UInt64, image: String)
    /// The plan's runs are not its variants x seeds (x folds) in order.
    case otherRuns(file: String)

    /// The message.
    package var description: String {
        switch self {
        case .unreadable(let file, let kind, let reason):
            "\(file): not a \(kind) (\(reason))"
        case .otherFormat(let file, let format, let version, let expected, let expectedVersions):
            "\(file): format \(format) version \(version), expected \(expected) version "
                + (expectedVersions.count == 1 ? "\(expectedVersions.lowerBound)"
                    : "\(expectedVersions.lowerBound) to \(expectedVersions.upperBound)")
        case .noPlan(let file):
            "\(file): no sweep plan (make one with `plastic-unet sweep plan`)"
        case .runCount(let file, let count):
            "\(file): a plan holds 1 to \(SweepPlan.maximumRuns) runs, this one \(count)"
        case .threads(let file, let count):
            "\(file): threads must be at least 1, got \(count)"
        case .run(let file, let position, let problem):
            "\(file): run \(position): \(problem)"
        case .resultOfOtherRun(let file, let found, let expected):
            "\(file): the result of \(found), not of \(expected)"
        case .resultOfOtherConfig(let file):
            "\(file): the result of a run with another config (another plan's): remove the run's folder to run it "
                + "again"
        case .unknownBaseline(let baseline, let variants):
            "the baseline \(baseline) is not a variant of the sweep (\(variants.joined(separator: ", ")))"
        case .otherData(let fingerprint, let planned):
            "the data (fingerprint \(fingerprint)) is not the data of the plan (\(planned)): it changed since the "
                + "sweep was planned"
        case .noRun(let index, let count):
            "no run \(index): the plan has runs 0 to \(count - 1)"
        case .notACheckpoint(let file, let run):
            "\(file) is not a checkpoint of \(run) on the plan's data: remove it to start the run afresh"
        case .imageInTwoFolds(let variant, let seed, let image):
            "the results of \(variant), seed \(seed) validate image \(image) in two folds: they are not of one "
                + "partition"
        case .otherRuns(let file):
            "\(file): the runs are not the plan's variants x seeds (x folds), each once and in order"
        }
    }

    /// A decoding error in a few words: the key or the reason, without the coding path's
    /// dump.
    static func reason(of error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }
}
