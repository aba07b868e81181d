import ArgumentParser
import Foundation
import HDF5Kit

/// `plastic-unet hdf5-probe FILE [--name NAME]`: the child process of the containment. Reads
/// the bytes of FILE (written by the parent) under limits of memory and CPU time, and lets
/// the HDF5 library read everything in them; a crash or a hang ends this process, not the
/// parent. An error of the library exits 2 with its one line on standard output (naming the
/// file NAME), for the parent to report. Not for users: it is not listed in the help.
package struct HDF5ProbeCommand: ParsableCommand {
    /// The command's name; hidden from the help.
    package static let configuration = CommandConfiguration(
        commandName: "hdf5-probe",
        abstract: "Parse an HDF5 file in isolation (used by the program itself).",
        shouldDisplay: false)

    /// The most memory the probe may map: the library's worst case on a hostile file is
    /// bounded here, not in the parent.
    static let memoryLimit: rlim_t = 8 << 30
    /// The most CPU time the probe may take.
    static let cpuSeconds: rlim_t = 120

    /// The file holding the bytes to parse.
    @Argument package var file: String

    /// How errors name the file (the file the bytes were read from).
    @Option package var name: String?

    /// A command as the parser fills it.
    package init() {}

    /// Exit 0: the library read everything; 2: it refused the bytes with an error (the
    /// parent then meets the same error itself); a signal: it failed.
    package func run() throws {
        var memory = rlimit(rlim_cur: Self.memoryLimit, rlim_max: Self.memoryLimit)
        var cpu = rlimit(rlim_cur: Self.cpuSeconds, rlim_max: Self.cpuSeconds)
        setrlimit(Int32(RLIMIT_AS.rawValue), &memory)
        setrlimit(Int32(RLIMIT_CPU.rawValue), &cpu)
        do {
            try HDF5Reading.direct.read(URL(fileURLWithPath: file), name: name).file.readEverything()
        } catch {
            // The one line the parent reports.
            print(error)
            throw ExitCode(2)
        }
    }
}
