#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Synchronization

/// SIGTERM (which Slurm sends before it preempts a job or when its time is up) and SIGINT
/// (Ctrl-C) as a request to stop training at the next step: training then writes a
/// checkpoint of that step and the command ends, so that running it again continues
/// where it stopped.
enum TerminationRequest {
    private static let received = Atomic<Int32>(0)

    /// Handles SIGTERM and SIGINT from now on by recording them.
    static func install() {
        for number in [SIGTERM, SIGINT] {
            signal(number) { TerminationRequest.received.store($0, ordering: .relaxed) }
        }
    }

    /// The name of the signal received, or nil.
    static var signalName: String? {
        switch received.load(ordering: .relaxed) {
        case 0: nil
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case let other: "signal \(other)"
        }
    }

    /// Whether a signal asked to stop.
    static var isRequested: Bool { signalName != nil }
}
