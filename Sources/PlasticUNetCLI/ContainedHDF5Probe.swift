import Foundation
import HDF5Kit

/// The containment of the HDF5 library: the bytes of a file without an intact seal are
/// parsed first by a child process of this program (`hdf5-probe`), under limits of
/// memory, CPU time and wall time, so that a crash or a hang in the library on damaged
/// or hostile bytes becomes an error here instead of the end of the program.
package enum ContainedHDF5Probe {
    /// The containment that runs the child on every unsealed file.
    static let containment = HDF5Containment(probe: probe)

    /// The wall time the child may take: 30 s, and 1 s more per 10 MB.
    static func timeLimit(byteCount: Int) -> Double {
        30 + Double(byteCount) / 10_000_000
    }

    /// Runs the child on `bytes`.
    /// - Throws: `HDF5Error.containment` naming the file when the child dies by a signal,
    ///   runs out of time or cannot be started, or when the library reports an error on the
    ///   file there (with that error): a file that the library cannot read whole in
    ///   isolation is never parsed in this process, where the part the child did not reach
    ///   might crash it.
    static func probe(_ bytes: HDF5FileBytes) throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("plastic-unet-probe-\(UUID().uuidString).h5")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let failure = { (reason: String) in HDF5Error.containment(file: bytes.name, reason: reason) }
        guard FileManager.default.createFile(atPath: scratch.path, contents: Data(bytes.bytes)) else {
            throw failure("the bytes cannot be handed to a child process")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["hdf5-probe", scratch.path, "--name", bytes.name]
        let report = Pipe()
        process.standardOutput = report
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw failure("a child process cannot be started: \(error.localizedDescription)")
        }
        let limit = timeLimit(byteCount: bytes.bytes.count)
        if finished.wait(timeout: .now() + limit) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            throw failure("no answer in \(Int(limit)) s")
        }
        switch (process.terminationReason, process.terminationStatus) {
        case (.exit, 0): return
        case (.exit, 2):
            // The child's one line, `NAME: OBJECT: OPERATION failed: REASON`, without the name.
            let line = String(decoding: report.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "an error"
            throw failure(line.hasPrefix(bytes.name + ": ") ? String(line.dropFirst(bytes.name.count + 2)) : line)
        case (.uncaughtSignal, let signal): throw failure("signal \(signal) in a child process")
        case (_, let status): throw failure("a child process ended with status \(status)")
        }
    }
}
