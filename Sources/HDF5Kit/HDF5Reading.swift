import Foundation

/// How the program reads HDF5 files, the one way in: a file's bytes are read once, their
/// seal checked, and parsed once by the library (``HDF5StoredFile``); bytes without an
/// intact seal pass through the ``containment`` first. Every read and every parse is told
/// to the ``observer``.
package struct HDF5Reading: Sendable {
    /// What happened to a file.
    package enum Event: Equatable, Sendable {
        /// Its bytes were read from the disk.
        case read(file: String)
        /// The library parsed its bytes.
        case parse(file: String)
    }

    /// Parses bytes without an intact seal in isolation before the library parses them in
    /// this process; nil: no containment.
    package let containment: HDF5Containment?
    /// Told of every read and parse, in order; nil: nobody.
    package let observer: (@Sendable (Event) -> Void)?

    /// A way of reading.
    package init(containment: HDF5Containment?, observer: (@Sendable (Event) -> Void)? = nil) {
        self.containment = containment
        self.observer = observer
    }

    /// Reading without containment or observer: for files the program itself wrote and
    /// holds, and for the containment's own child process.
    package static let direct = HDF5Reading(containment: nil)

    /// Reads the file at `url` and parses it.
    /// - Parameter name: how errors name the file (default: its path).
    /// - Throws: ``HDF5Error`` naming the file when it does not exist, cannot be read or is
    ///   not HDF5, or when the library fails on it in the containment.
    package func read(_ url: URL, name: String? = nil) throws -> HDF5StoredFile {
        try parse(try readBytes(url, name: name))
    }

    /// Reads the bytes of the file at `url`, to be checked before ``parse(_:)`` parses
    /// them.
    /// - Parameter name: how errors name the file (default: its path).
    /// - Throws: `HDF5Error` naming the file when it does not exist or cannot be read.
    package func readBytes(_ url: URL, name: String? = nil) throws -> HDF5FileBytes {
        let bytes = try HDF5FileBytes(url, name: name)
        observer?(.read(file: bytes.name))
        return bytes
    }

    /// Parses bytes already in memory, as ``read(_:name:)`` parses a file's.
    package func parse(_ bytes: HDF5FileBytes) throws -> HDF5StoredFile {
        if bytes.seal != .intact, let containment { try containment.probe(bytes) }
        observer?(.parse(file: bytes.name))
        return HDF5StoredFile(bytes: bytes, file: try HDF5File.open(image: bytes.bytes, name: bytes.name))
    }
}

/// An HDF5 file as read once: its bytes (with the state of their seal) and the library's
/// parse of those same bytes.
package struct HDF5StoredFile {
    /// The bytes, as read.
    package let bytes: HDF5FileBytes
    /// The file the library opened from them.
    package let file: HDF5File

    /// How errors name the file.
    package var name: String { bytes.name }
}

/// Where files without an intact seal are parsed before the program parses them: a program
/// runs the library on the bytes in a child process (``HDF5File/readEverything()`` there),
/// so that a crash or a hang inside the library ends the child, not the program.
package struct HDF5Containment: Sendable {
    /// Parses the bytes in isolation; throws ``HDF5Error/containment(file:reason:)`` when the
    /// library fails on them.
    package let probe: @Sendable (HDF5FileBytes) throws -> Void

    /// A containment that runs `probe`.
    package init(probe: @escaping @Sendable (HDF5FileBytes) throws -> Void) {
        self.probe = probe
    }
}

extension HDF5File {
    /// Reads everything the program may read of the file: every object, attribute and
    /// storage description, every dataset's elements, and the stored chunks of chunked
    /// datasets. What the containment runs on a file before the program parses it.
    /// - Throws: `HDF5Error` naming the object that cannot be read.
    package func readEverything() throws {
        for info in try objectInfos() where info.kind == .dataset {
            let dataset = try root.dataset(String(info.path.dropFirst()))
            try dataset.readAndDiscard()
            _ = try dataset.rawChunks()?.values()
        }
    }
}
