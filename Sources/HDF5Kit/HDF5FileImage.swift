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
            let access = try context.handle(H5Pcreate(chdf5_p_file_access()), "open", closer: H5Pclose)
            try context.check(H5Pset_fapl_core(access.id, 1 << 16, false), "open")
            try image.withUnsafeBytes { bytes in
                _ = try context.check(H5Pset_file_image(access.id, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                                        bytes.count), "open")
            }
            // The core driver knows an image by its name: give each one a name of its own.
            let file = try context.handle(H5Fopen("image-\(UUID().uuidString)", chdf5_f_acc_rdonly(), access.id),
                                          "open", closer: H5Fclose)
            return try HDF5File(handle: file, path: name)
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
