import Foundation

/// A file's bytes, read once, and the state of their seal: what the readers open, so that
/// the bytes checked, hashed and parsed are the same bytes.
package struct HDF5FileBytes: Sendable {
    /// How errors name the file.
    package let name: String
    /// The file's bytes.
    package let bytes: HDF5Image
    /// The state of the file's seal.
    package let seal: HDF5Seal.State

    /// Reads the file at `url`.
    /// - Parameter name: how errors name the file (default: its path).
    /// - Throws: `HDF5Error` naming the file when it does not exist, is a folder or cannot
    ///   be read.
    package init(_ url: URL, name: String? = nil) throws {
        let name = name ?? url.path
        let context = HDF5Context(file: name, object: nil)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw context.error("open", "no such file")
        }
        guard !isFolder.boolValue else { throw context.error("open", "is a folder") }
        guard let bytes = Self.contents(of: url) else { throw context.error("open", "the file cannot be read") }
        self.init(image: bytes, name: name)
    }

    /// The bytes of the file at `url`, read straight into an image; nil when it cannot be
    /// read.
    private static func contents(of url: URL) -> HDF5Image? {
        guard let handle = try? FileHandle(forReadingFrom: url),
              let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil else { return nil }
        defer { try? handle.close() }
        return HDF5Image(count: Int(size)) { buffer in
            var count = 0
            while count < buffer.count {
                let got = read(handle.fileDescriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            return count == buffer.count
        }
    }

    /// The bytes of a file called `name`.
    package init(bytes: [UInt8], name: String) {
        self.init(image: HDF5Image(bytes), name: name)
    }

    private init(image: HDF5Image, name: String) {
        self.name = name
        self.bytes = image
        seal = HDF5Seal.state(of: image)
    }

    /// Opens the bytes with the library. Bytes without an intact seal pass through the
    /// containment first (``HDF5Containment``), when the program has set one.
    /// - Throws: `HDF5Error` naming the file; what the containment throws.
    package func open() throws -> HDF5File {
        if seal != .intact, let probe = HDF5Containment.probe { try probe(self) }
        return try HDF5File.open(image: bytes, name: name)
    }
}

/// Where files without an intact seal are parsed before the program parses them: a program
/// sets ``probe`` to run the library on the bytes in a child process (``HDF5File/readEverything()``
/// there), so that a crash or a hang inside the library ends the child, not the program.
package enum HDF5Containment {
    /// Parses the bytes in isolation and throws ``HDF5ContainmentError`` when the library
    /// fails on them; nil (the default): no containment.
    nonisolated(unsafe) package static var probe: (@Sendable (HDF5FileBytes) throws -> Void)?
}

/// The library failed on a file in the containment: it crashed, hung, or ran out of memory.
package struct HDF5ContainmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name.
    package let file: String
    /// What happened to the child process (`signal 11`, `no answer in 60 s`).
    package let reason: String

    /// An error from its parts.
    package init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `cannot read FILE: the HDF5 library failed on it (REASON)`.
    package var description: String { "cannot read \(file): the HDF5 library failed on it (\(reason))" }
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
