/// SHA-256 (FIPS 180-4), fed incrementally.
///
/// ```swift
/// var hash = SHA256()
/// hash.update(Array("abc".utf8))
/// hash.finalize().hex   // "ba7816bf…"
/// ```
package struct SHA256: Sendable {
    /// The number of bytes in one block of the compression function.
    static let blockSize = 64

    private var state = SHA256Compression.initialState
    /// The bytes of a block that is not complete yet (fewer than 64).
    private var pending: [UInt8] = []
    /// The number of bytes fed so far.
    private var byteCount: UInt64 = 0

    /// A hash of the empty message, ready to be fed.
    package init() {}

    /// Feeds the bytes in `buffer`.
    /// - Complexity: O(n).
    package mutating func update(_ buffer: UnsafeRawBufferPointer) {
        byteCount &+= UInt64(buffer.count)
        var rest = buffer[...]
        if !pending.isEmpty {
            let taken = min(Self.blockSize - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(taken))
            rest = rest.dropFirst(taken)
            guard pending.count == Self.blockSize else { return }
            pending.withUnsafeBytes { SHA256Compression.compress(&state, blocks: $0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count - rest.count % Self.blockSize
        SHA256Compression.compress(&state, blocks: UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        pending.append(contentsOf: rest.dropFirst(whole))
    }

    /// Feeds `bytes`.
    /// - Complexity: O(n).
    package mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// The digest of everything fed so far. The hash itself is unchanged and can be fed
    /// further.
    package func finalize() -> SHA256Digest {
        var copy = self
        let bitCount = byteCount &* 8
        var padding: [UInt8] = [0x80]
        let used = (pending.count + 1) % Self.blockSize
        padding += [UInt8](repeating: 0, count: (Self.blockSize - 8 - used + Self.blockSize) % Self.blockSize)
        padding += (0..<8).map { UInt8(truncatingIfNeeded: bitCount >> (56 - 8 * UInt64($0))) }
        padding.withUnsafeBytes { copy.update($0) }
        let bytes = copy.state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
        return SHA256Digest(bytes: bytes)
    }

    /// The digest of `bytes`.
    package static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }
}

/// The 32 bytes of a SHA-256 digest.
package struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// The digest's bytes, most significant first.
    package let bytes: [UInt8]

    /// The digest as 64 lowercase hexadecimal digits.
    package var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }

    /// The lowercase hexadecimal digits.
    package var description: String { hex }
}
