import CHDF5
import Foundation

extension HDF5File {
    /// The eight bytes that start an HDF5 superblock.
    static let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]

    /// Opens, read-only, the HDF5 file whose bytes are `image`: the library reads them in
    /// place and touches no file. The file and every object opened from it hold the image.
    /// - Parameter name: how errors name the file.
    /// - Throws: `HDF5Error` naming the file when the bytes are not an HDF5 file or the
    ///   library cannot open them.
    package static func open(image: HDF5Image, name: String) throws -> HDF5File {
        try HDF5Library.locked {
            let context = HDF5Context(file: name, object: nil, memory: image.storage)
            guard hasSignature(image) else { throw context.error("open", "not an HDF5 file") }
            // The library neither copies nor frees the bytes, and only reads them (the file is
            // open read-only); every handle made in the context holds them.
            let id = H5LTopen_file_image(UnsafeMutableRawPointer(mutating: image.baseAddress), image.count,
                                         chdf5_lt_file_image_dont_copy() | chdf5_lt_file_image_dont_release())
            return try HDF5File(handle: context.handle(id, "open", closer: H5Fclose), context: context)
        }
    }

    /// Whether `bytes` hold an HDF5 superblock signature where the library looks for one:
    /// at offset 0, 512, 1024, 2048...
    static func hasSignature(_ bytes: HDF5Image) -> Bool {
        var offset = 0
        while offset + signature.count <= bytes.count {
            if bytes[offset..<offset + signature.count].elementsEqual(signature) { return true }
            offset = offset == 0 ? 512 : offset * 2
        }
        return false
    }
}
