import Foundation
import HDF5Kit

/// How the commands read HDF5 files: every file without an intact seal goes through the
/// containment's child process (``ContainedHDF5Probe``), and every read and parse is
/// written to the file that `PLASTIC_UNET_READ_LOG` names, when it names one (a line
/// `read PATH` or `parse PATH` each: how the tests count that each file is read once).
enum ProgramReading {
    /// The environment variable that names the read log.
    static let readLogVariable = "PLASTIC_UNET_READ_LOG"

    /// The commands' reading.
    static var commands: HDF5Reading {
        HDF5Reading(containment: ContainedHDF5Probe.containment,
                    observer: ProcessInfo.processInfo.environment[readLogVariable].map(readLog))
    }

    /// An observer that appends a line per event to the file at `path`.
    private static func readLog(_ path: String) -> @Sendable (HDF5Reading.Event) -> Void {
        { event in
            let line: String
            switch event {
            case .read(let file): line = "read \(file)\n"
            case .parse(let file): line = "parse \(file)\n"
            }
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return }
            _ = line.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
            close(descriptor)
        }
    }
}
