import CZlib

/// HDF5's standard filters without the library (so that they can run on several threads
/// at once): shuffle, deflate and Fletcher-32 as the library applies them on writing, byte
/// for byte, and their exact reverses as it applies them on reading.
enum HDF5ChunkFilters {
    /// A chunk that fails a filter: its checksum does not match, or its data do not inflate.
    struct Failure: Error {
        /// Why, as the library words it.
        let reason: String
    }

    /// Checks the Fletcher-32 checksum that ends `bytes` (4 bytes, little-endian, the
    /// checksum of the bytes before them; a byte-reversed checksum, which old versions of
    /// the library wrote, is accepted as the library accepts it).
    /// - Returns: the bytes before the checksum.
    /// - Throws: ``Failure`` when the checksum does not match.
    static func checkFletcher32(_ bytes: UnsafeRawBufferPointer) throws -> UnsafeRawBufferPointer {
        guard bytes.count >= 4 else { throw Failure(reason: "data error detected by Fletcher32 checksum") }
        let body = UnsafeRawBufferPointer(rebasing: bytes.dropLast(4))
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: body.count, as: UInt32.self))
        let computed = fletcher32(body)
        guard stored == computed || stored == computed.byteSwapped else {
            throw Failure(reason: "data error detected by Fletcher32 checksum")
        }
        return body
    }

    /// Writes the Fletcher-32 checksum of the first `count` bytes of `bytes` after them
    /// (4 bytes, little-endian), as the library's filter does.
    /// - Returns: the bytes with their checksum.
    static func appendFletcher32(to bytes: UnsafeMutableRawBufferPointer, count: Int) -> UnsafeRawBufferPointer {
        let checksum = fletcher32(UnsafeRawBufferPointer(rebasing: bytes[..<count]))
        bytes.storeBytes(of: checksum.littleEndian, toByteOffset: count, as: UInt32.self)
        return UnsafeRawBufferPointer(rebasing: bytes[..<(count + 4)])
    }

    /// HDF5's Fletcher-32: sums of big-endian 16-bit words (an odd last byte as the high
    /// byte of a word), reduced modulo 65535 after at most 360 words.
    static func fletcher32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var sum1: UInt32 = 0, sum2: UInt32 = 0
        var offset = 0
        var words = bytes.count / 2
        while words > 0 {
            let block = min(words, 360)
            words -= block
            for _ in 0..<block {
                sum1 &+= UInt32(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
                sum2 &+= sum1
                offset &+= 2
            }
            sum1 = (sum1 & 0xffff) + (sum1 >> 16)
            sum2 = (sum2 & 0xffff) + (sum2 >> 16)
        }
        if bytes.count % 2 == 1 {
            sum1 &+= UInt32(bytes[offset]) << 8
            sum2 &+= sum1
            sum1 = (sum1 & 0xffff) + (sum1 >> 16)
            sum2 = (sum2 & 0xffff) + (sum2 >> 16)
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16)
        sum2 = (sum2 & 0xffff) + (sum2 >> 16)
        return sum2 << 16 | sum1
    }

    /// The most bytes that ``deflate(_:level:into:)`` writes for `count` bytes.
    static func deflateBound(_ count: Int) -> Int {
        Int(compressBound(uLong(count)))
    }

    /// Writes the zlib stream of `bytes` at deflate `level` into `output`, which holds at
    /// least ``deflateBound(_:)`` bytes, as the library's filter makes it (with zlib's
    /// `compress2`).
    /// - Returns: the length of the stream.
    /// - Throws: ``Failure`` when zlib fails.
    static func deflate(_ bytes: UnsafeRawBufferPointer, level: Int,
                        into output: UnsafeMutableRawBufferPointer) throws -> Int {
        var length = uLongf(output.count)
        let status = compress2(output.baseAddress?.assumingMemoryBound(to: Bytef.self), &length,
                               bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(bytes.count), Int32(level))
        guard status == Z_OK else { throw Failure(reason: "deflate failed (zlib status \(status))") }
        return Int(length)
    }

    /// Inflates the zlib stream `bytes` into `output`, which it must fill exactly.
    /// - Throws: ``Failure`` when the stream is damaged or holds another size.
    static func inflate(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        var length = uLongf(output.count)
        let status = uncompress(output.baseAddress?.assumingMemoryBound(to: Bytef.self), &length,
                                bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(bytes.count))
        guard status == Z_OK, Int(length) == output.count else {
            throw Failure(reason: "inflate failed (zlib status \(status), \(length) of \(output.count) bytes)")
        }
    }

    /// Writes `bytes` through the shuffle filter for elements of `elementSize` bytes into
    /// `output`, as many bytes: byte j of element i goes to `j · n + i` (n whole elements);
    /// bytes beyond the last whole element stay at the end.
    static func shuffle(_ bytes: UnsafeRawBufferPointer, elementSize: Int,
                        into output: UnsafeMutableRawBufferPointer) {
        transpose(bytes, rows: bytes.count / elementSize, columns: elementSize, into: output)
    }

    /// Writes `bytes` with the shuffle filter for elements of `elementSize` bytes undone into
    /// `output`, as many bytes: byte j of element i was stored at `j · n + i` (n whole
    /// elements); bytes beyond the last whole element stay where they are.
    static func unshuffle(_ bytes: UnsafeRawBufferPointer, elementSize: Int,
                          into output: UnsafeMutableRawBufferPointer) {
        transpose(bytes, rows: elementSize, columns: bytes.count / elementSize, into: output)
    }

    /// Writes the first `rows · columns` bytes of `bytes`, a row-major matrix, transposed
    /// into `output`, and the bytes after them after them.
    private static func transpose(_ bytes: UnsafeRawBufferPointer, rows: Int, columns: Int,
                                  into output: UnsafeMutableRawBufferPointer) {
        // The longer side runs innermost.
        if rows >= columns {
            for column in 0..<columns {
                for row in 0..<rows { output[column &* rows &+ row] = bytes[row &* columns &+ column] }
            }
        } else {
            for row in 0..<rows {
                for column in 0..<columns { output[column &* rows &+ row] = bytes[row &* columns &+ column] }
            }
        }
        for index in rows * columns..<bytes.count { output[index] = bytes[index] }
    }
}
