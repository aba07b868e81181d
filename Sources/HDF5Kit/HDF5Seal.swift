import CZlib
import Foundation

/// A seal in the user block of an HDF5 file (512 bytes the library skips): a line of text
/// that gives the length and the CRC-32 of every byte after the user block. The writers
/// seal a file after it is closed; the readers check the seal before the library parses
/// anything, so that damage is found without trusting the library with damaged bytes. A
/// seal detects damage, not forgery.
///
/// ```
/// plastic-unet seal 1
/// length 51234567
/// crc32 0a1b2c3d
/// ```
public enum HDF5Seal {
    /// The size of the user block that holds the seal.
    public static let userBlockSize = 512
    /// The first line of a seal.
    static let magic = "plastic-unet seal 1\n"

    /// What a file's bytes say of their seal.
    public enum State: Equatable, Sendable {
        /// The seal matches the bytes.
        case intact
        /// There is a seal, and the bytes after the user block no longer match it: the file
        /// was damaged, or changed by another program.
        case broken
        /// There is no seal (a file from another program or an older version).
        case absent
    }

    /// The state of the seal of `bytes`.
    /// - Complexity: O(n).
    public static func state(of bytes: [UInt8]) -> State {
        guard bytes.count > userBlockSize, bytes.starts(with: Array(magic.utf8)) else { return .absent }
        let header = String(decoding: bytes.prefix(userBlockSize).prefix { $0 != 0 }, as: UTF8.self)
        return header == text(of: Array(bytes[userBlockSize...])) ? .intact : .broken
    }

    /// Writes the seal of the closed file at `url`, which was created with a user block of
    /// ``userBlockSize`` bytes.
    /// - Parameter name: how errors name the file.
    /// - Throws: `HDF5Error` naming the file when it cannot be read or written, or has no
    ///   user block.
    public static func seal(_ url: URL, name: String) throws {
        let context = HDF5Context(file: name, object: nil)
        guard let handle = try? FileHandle(forUpdating: url) else {
            throw context.error("seal", "cannot open the file")
        }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(userBlockSize))
            let rest = Array(try handle.readToEnd() ?? Data())
            guard rest.starts(with: HDF5File.signature) else {
                throw context.error("seal", "the file has no user block")
            }
            var block = Array(text(of: rest).utf8)
            block += [UInt8](repeating: 0, count: userBlockSize - block.count)
            try handle.seek(toOffset: 0)
            try handle.write(contentsOf: block)
        } catch let error as HDF5Error {
            throw error
        } catch {
            throw context.error("seal", "\(error.localizedDescription)")
        }
    }

    /// The seal's text for the bytes after the user block.
    private static func text(of rest: [UInt8]) -> String {
        let checksum = rest.withUnsafeBufferPointer { buffer in
            crc32_z(crc32_z(0, nil, 0), buffer.baseAddress, buffer.count)
        }
        let hex = String(checksum, radix: 16)
        return magic + "length \(rest.count)\ncrc32 \(String(repeating: "0", count: 8 - hex.count) + hex)\n"
    }
}
