import Foundation
import ModelFile
import Training

/// Shows a training run's progress: on a terminal, a progress bar on standard error that
/// redraws after every step (epoch, step, loss, samples per second, time left); unless told
/// otherwise, in every case one line per epoch on standard output with its losses and score.
final class TrainingProgressPrinter: TrainingObserver {
    private let drawsBar: Bool
    private let epochLines: Bool
    private let started = DispatchTime.now()
    private var stepsSinceStart = 0
    private var barIsShown = false

    /// A printer; the bar is drawn only when standard error is a terminal, the epochs' lines
    /// when `epochLines`.
    init(epochLines: Bool = true) {
        drawsBar = isatty(FileHandle.standardError.fileDescriptor) != 0
        self.epochLines = epochLines
    }

    func trainingStepFinished(_ progress: StepProgress) {
        stepsSinceStart += 1
        guard drawsBar else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let rate = seconds > 0 ? Double(stepsSinceStart) / seconds : 0
        let remaining = (progress.epochs - progress.epoch - 1) * progress.samplesPerEpoch
            + (progress.samplesPerEpoch - progress.sampleInEpoch)
        let width = 24
        let filled = progress.sampleInEpoch * width / max(progress.samplesPerEpoch, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta = rate > 0 ? Self.clock(Double(remaining) / rate) : "-"
        let line = "epoch \(progress.epoch + 1)/\(progress.epochs) [\(bar)] \(progress.sampleInEpoch)/\(progress.samplesPerEpoch)"
            + "  loss \(String(format: "%.4f", progress.loss))  \(String(format: "%.1f", rate)) samples/s  ETA \(eta)"
        write("\r\u{1B}[2K" + line, to: .standardError)
        barIsShown = true
    }

    func trainingEpochFinished(_ epoch: Int, of epochs: Int, record: EpochRecord) {
        if barIsShown {
            write("\r\u{1B}[2K", to: .standardError)
            barIsShown = false
        }
        guard epochLines else { return }
        let line = "epoch \(epoch + 1)/\(epochs)  train loss \(String(format: "%.5f", record.trainLoss))"
            + "  val loss \(Self.number(record.validationLoss, format: "%.5f"))"
            + "  val score \(Self.number(record.validationScore, format: "%.4f"))"
            + "  lr \(String(format: "%.3g", record.learningRate))\n"
        write(line, to: .standardOutput)
    }

    /// `h:mm:ss` or `m:ss`.
    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    /// A number, or "-" for NaN (no validation images).
    private static func number(_ value: Double, format: String) -> String {
        value.isNaN ? "-" : String(format: format, value)
    }

    private func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
