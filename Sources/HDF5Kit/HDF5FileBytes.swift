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
}
