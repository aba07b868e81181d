import CHDF5
import Foundation

extension HDF5File {
    /// The eight bytes that start an HDF5 superblock.
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]

    /// Opens, read-only, the HDF5 file whose bytes are `image`: the library reads them from
    /// memory and touches no file.
    /// - Parameter name: how errors name the file.
    /// - Throws: `HDF5Error` naming the file when the bytes are not an HDF5 file or the
    ///   library cannot open them.
    public static func open(image: [UInt8], name: String) throws -> HDF5File {
        try HDF5Library.locked {
            let context = HDF5Context(file: name, object: nil)
            guard hasSignature(image) else { throw context.error("open", "not an HDF5 file") }
            // One copy the library owns and frees with free() when the file is released,
            // however long its groups and datasets outlive this call.
            guard let buffer = malloc(image.count) else { throw context.error("open", "out of memory") }
            image.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: image.count) }
            let id = H5LTopen_file_image(buffer, image.count, chdf5_lt_file_image_dont_copy())
            guard id >= 0 else {
                free(buffer)
                throw context.stackError("open")
            }
            return try HDF5File(handle: HDF5Handle(id, closer: H5Fclose), path: name)
        }
    }

    /// Whether `bytes` hold an HDF5 superblock signature where the library looks for one:
    /// at offset 0, 512, 1024, 2048...
    static func hasSignature(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset + signature.count <= bytes.count {
            if bytes[offset..<offset + signature.count].elementsEqual(signature) { return true }
            offset = offset == 0 ? 512 : offset * 2
        }
        return false
    }
}
