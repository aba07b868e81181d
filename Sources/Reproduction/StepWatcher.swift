import ModelRuns
import TGSData
import Training

/// Compares each step of a replay, as it finishes, with what the file records of that step:
/// its digests, or its training loss for a file without digests. Remembers the first step
/// that differs (the replay stops there) and passes every step on to `progress`.
final class StepWatcher: TrainingObserver {
    /// Where and how the replay parted from the file.
    struct Parting {
        let position: StepPosition
        let parts: [String]
        let explanation: String
    }

    private let recordedDigests: [StepDigest]?
    private let recordedLosses: [Float]
    private let options: TrainingOptions
    private let split: DataSplit
    private let progress: (any TrainingObserver)?
    /// The steps finished so far.
    private(set) var steps = 0
    /// The first step that differs, once one has.
    private(set) var parting: Parting?

    /// A watcher of a replay of the run whose history is `history`, on `split` with
    /// `options` (which give each step's image).
    init(history: HistoryRecord, options: TrainingOptions, split: DataSplit, progress: (any TrainingObserver)?) {
        recordedDigests = Self.recordedDigests(of: history)
        recordedLosses = history.trainLoss
        self.options = options
        self.split = split
        self.progress = progress
    }

    /// What each step of a replay of `history` is compared by.
    static func comparison(of history: HistoryRecord) -> ReproductionReport.Comparison {
        recordedDigests(of: history) == nil ? .trainingLoss : .stepDigests
    }

    /// The step digests of `history`, when it holds one for every step.
    private static func recordedDigests(of history: HistoryRecord) -> [StepDigest]? {
        history.stepDigests.flatMap { $0.count == history.trainLoss.count ? $0 : nil }
    }

    /// Where the step after the last finished one falls (where a replay that stopped
    /// with an error parted).
    var nextPosition: StepPosition? { StepPosition(step: steps + 1, options: options, split: split) }

    /// Records that the replay stopped at the next step with `explanation`.
    func fail(_ explanation: String) {
        guard parting == nil, let position = nextPosition else { return }
        parting = Parting(position: position, parts: ["the step itself"], explanation: explanation)
    }

    func trainingStepFinished(_ progress: StepProgress) {
        self.progress?.trainingStepFinished(progress)
        steps = Int(progress.step)
        guard parting == nil, let position = StepPosition(step: steps, options: options, split: split) else { return }
        if let recorded = recordedDigests {
            guard let replayed = progress.digest,
                  let divergence = StepDivergence(step: steps, recorded[steps - 1], replayed) else { return }
            parting = Parting(position: position, parts: divergence.parts, explanation: divergence.explanation)
        } else {
            let recorded = recordedLosses[steps - 1], replayed = Float(progress.loss)
            guard recorded.bitPattern != replayed.bitPattern else { return }
            parting = Parting(position: position, parts: ["training loss"],
                              explanation: "the step's training loss differs (recorded \(recorded), replayed "
                                  + "\(replayed)): the run parts here or earlier, as the file records no digests")
        }
    }

    func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord) {
        progress?.trainingEpochFinished(epoch, of: epochs, record: record)
    }
}
