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
package enum HDF5Seal {
    /// The size of the user block that holds the seal.
    package static let userBlockSize = 512
    /// The first line of a seal.
    static let magic = "plastic-unet seal 1\n"

    /// What a file's bytes say of their seal.
    package enum State: Equatable, Sendable {
        /// The seal matches the bytes.
        case intact
        /// There is a seal, and the bytes after the user block no longer match it: the file
        /// was damaged, or changed by another program.
        case broken
        /// There is no seal (a file from another program or an older version).
        case absent
    }

    /// The state of the seal of `bytes`.
    /// - Complexity: O(n), without a copy of the bytes.
    package static func state(of bytes: HDF5Image) -> State {
        guard bytes.count > userBlockSize, bytes.starts(with: Array(magic.utf8)) else { return .absent }
        let header = String(decoding: bytes.prefix(userBlockSize).prefix { $0 != 0 }, as: UTF8.self)
        let crc = bytes.withUnsafeBytes {
            crc32(UnsafeRawBufferPointer(rebasing: $0[userBlockSize...]), continuing: initialCRC)
        }
        return header == text(length: bytes.count - userBlockSize, crc: crc) ? .intact : .broken
    }

    /// Writes the seal of the closed file at `url`, which was created with a user block of
    /// ``userBlockSize`` bytes.
    /// - Parameter name: how errors name the file.
    /// - Throws: `HDF5Error` naming the file when it cannot be read or written, or has no
    ///   user block.
    package static func seal(_ url: URL, name: String) throws {
        let context = HDF5Context(file: name, object: nil)
        let descriptor = open(url.path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw context.error("seal", "cannot open the file") }
        defer { close(descriptor) }
        var start = [UInt8](repeating: 0, count: HDF5File.signature.count)
        guard try transfer(&start, descriptor, at: userBlockSize, pread, context) == start.count,
              start == HDF5File.signature else {
            throw context.error("seal", "the file has no user block")
        }
        // The bytes after the user block pass once through a buffer of one block: the file
        // is never held in memory whole.
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var crc = initialCRC, length = 0
        while true {
            let count = try transfer(&buffer, descriptor, at: userBlockSize + length, pread, context)
            guard count > 0 else { break }
            crc = buffer.withUnsafeBytes { crc32(UnsafeRawBufferPointer(rebasing: $0.prefix(count)), continuing: crc) }
            length += count
        }
        var block = userBlock(length: length, crc: crc)
        guard try transfer(&block, descriptor, at: 0, { pwrite($0, $1, $2, $3) }, context) == block.count else {
            throw context.error("seal", "the user block cannot be written")
        }
    }

    /// Reads or writes `buffer` at `offset` of `descriptor` with `call` (`pread` or
    /// `pwrite`) until the buffer is done or the file ends.
    /// - Returns: the bytes transferred.
    /// - Throws: `HDF5Error` with the system's reason.
    private static func transfer(_ buffer: inout [UInt8], _ descriptor: Int32, at offset: Int,
                                 _ call: (Int32, UnsafeMutableRawPointer?, Int, off_t) -> Int,
                                 _ context: HDF5Context) throws -> Int {
        var done = 0
        while done < buffer.count {
            let count = buffer.withUnsafeMutableBytes {
                call(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset + done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw context.error("seal", String(cString: strerror(errno))) }
            guard count > 0 else { break }
            done += count
        }
        return done
    }

    /// The CRC-32 of no bytes.
    private static let initialCRC = crc32_z(0, nil, 0)

    /// The CRC-32 of the bytes that precede `bytes` (`crc`) extended over `bytes`.
    private static func crc32(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt) -> UInt {
        crc32_z(crc, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// The user block of the seal of `length` bytes whose CRC-32 is `crc`: the text, then
    /// zeros.
    private static func userBlock(length: Int, crc: UInt) -> [UInt8] {
        let text = Array(self.text(length: length, crc: crc).utf8)
        return text + [UInt8](repeating: 0, count: userBlockSize - text.count)
    }

    /// The seal's text for `length` bytes after the user block whose CRC-32 is `crc`.
    private static func text(length: Int, crc: UInt) -> String {
        let hex = String(crc, radix: 16)
        return magic + "length \(length)\ncrc32 \(String(repeating: "0", count: 8 - hex.count) + hex)\n"
    }
}
