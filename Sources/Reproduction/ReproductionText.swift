import HDF5Kit
import ModelRuns

/// The text `plastic-unet reproduce` prints: first the file, its seal and how the replay
/// checks each step (before the replay runs); then what it found, the verdict last.
package enum ReproductionText {
    /// The lines printed before the replay; `modelName` is the file as given.
    package static func header(of subject: ReproductionReport.Subject, modelName: String) -> String {
        [
            "\(modelName): sha256 \(subject.modelSHA256.prefix(12)), \(subject.stepsRecorded) steps, "
                + "\(subject.epochsCompleted) epochs completed, written by \(subject.generator)",
            seal(subject.seal),
            "replaying on \(subject.kernelPath), \(subject.threads) thread\(subject.threads == 1 ? "" : "s"); "
                + (subject.comparison == .stepDigests ? "each step checked by its step digests"
                    : "each step checked by its training loss (the file records no step digests: an older "
                        + "version wrote it)"),
        ].joined(separator: "\n") + "\n"
    }

    /// The lines printed after the replay, the verdict last.
    package static func findings(of report: ReproductionReport) -> String {
        let subject = report.subject
        var lines: [String] = []
        switch report.outcome {
        case .reproduced:
            lines.append("reproduced: \(subject.stepsRecorded) steps, \(subject.epochsCompleted) epochs, "
                         + "byte-identical state")
        case .agreedSoFar:
            lines.append("reproduced so far: the first \(report.stepsChecked) of \(subject.stepsRecorded) steps "
                         + "agree; the rest and the final state were not checked")
        case .parted(let position, let parts, let explanation):
            let before = position.step - 1
            lines.append("  " + explanation)
            lines.append("  " + (before == 0 ? "no step before it" : "the \(before) step\(before == 1 ? "" : "s") before it agree"))
            if subject.seal == .broken { lines.append("  the seal is broken: the file's records may be what changed") }
            lines.append("parted at \(position.description): \(StepDivergence.differingClause(parts))")
        case .finalStateDiffers(let paths):
            lines += paths.map { "  " + $0 }
            lines.append("final state differs: every step agrees, but \(paths.count) of the file's objects "
                         + (paths.count == 1 ? "is" : "are") + " not what the run makes: the file was changed "
                         + "after training")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seal(_ seal: HDF5Seal.State) -> String {
        switch seal {
        case .intact: "seal: intact"
        case .broken: "seal: broken: the file was changed after it was written (by hand, or by another program)"
        case .absent: "seal: absent (written by another program or an older version)"
        }
    }
}
