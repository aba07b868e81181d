import HDF5Kit
import ModelRuns

/// What replaying a model file's recorded training found: whether the run reproduces on
/// this machine, and where it parts when it does not. A value, free of paths and times.
package struct ReproductionReport: Equatable, Sendable {
    /// What each step is checked by.
    package enum Comparison: String, Equatable, Sendable {
        /// The step's digests (inputs, parameters, trace, optimizer).
        case stepDigests = "step digests"
        /// The step's training loss, for a file of an older version, which records no digests.
        case trainingLoss = "training loss"
    }

    /// The replay, as known before it runs: the file and how it is checked.
    package struct Subject: Equatable, Sendable {
        /// The SHA-256 of the model file.
        package let modelSHA256: String
        /// The state of the file's seal.
        package let seal: HDF5Seal.State
        /// The program that wrote the file.
        package let generator: String
        /// The training steps the file records.
        package let stepsRecorded: Int
        /// The epochs the file has completed.
        package let epochsCompleted: Int64
        /// What each step is checked by.
        package let comparison: Comparison
        /// The kernel path of the replay (the result does not depend on it).
        package let kernelPath: String
        /// The threads of the replay (the result does not depend on them).
        package let threads: Int
    }

    /// What the replay found.
    package enum Outcome: Equatable, Sendable {
        /// Every step agrees and the final state is the file's, bit for bit.
        case reproduced
        /// The steps checked (fewer than the file records, as asked) agree; the rest and the
        /// final state were not checked.
        case agreedSoFar
        /// The run parts at a step: where, which parts differ there, and what that suggests.
        case parted(StepPosition, parts: [String], explanation: String)
        /// Every step agrees but the final state does not: the file's objects that differ.
        case finalStateDiffers([String])

        /// Whether the run reproduced as far as it was checked.
        package var agrees: Bool {
            switch self {
            case .reproduced, .agreedSoFar: true
            case .parted, .finalStateDiffers: false
            }
        }
    }

    /// The file and how it was checked.
    package let subject: Subject
    /// The steps replayed and compared.
    package let stepsChecked: Int
    /// What the replay found.
    package let outcome: Outcome
}
