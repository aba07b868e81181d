import CZlib

/// The decoding of HDF5's standard filters, as the library applies them on reading but
/// without it (so that it can run on several threads at once): Fletcher-32, deflate and
/// shuffle, each the exact reverse of the library's filter.
enum HDF5ChunkFilters {
    /// A chunk that fails a filter: its checksum does not match, or its data do not inflate.
    struct Failure: Error {
        /// Why, as the library words it.
        let reason: String
    }

    /// Checks the Fletcher-32 checksum that ends `bytes` (4 bytes, little-endian, the
    /// checksum of the bytes before them; a byte-reversed checksum, which old versions of
    /// the library wrote, is accepted as the library accepts it) and removes it.
    /// - Throws: ``Failure`` when the checksum does not match.
    static func removeFletcher32(_ bytes: inout [UInt8]) throws {
        guard bytes.count >= 4 else { throw Failure(reason: "data error detected by Fletcher32 checksum") }
        let body = bytes.count - 4
        let stored = (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[body + $1]) << (8 * UInt32($1)) }
        let computed = fletcher32(bytes[..<body])
        guard stored == computed || stored == computed.byteSwapped else {
            throw Failure(reason: "data error detected by Fletcher32 checksum")
        }
        bytes.removeLast(4)
    }

    /// HDF5's Fletcher-32: sums of big-endian 16-bit words (an odd last byte as the high
    /// byte of a word), reduced modulo 65535 after at most 360 words.
    static func fletcher32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { data in
            var sum1: UInt32 = 0, sum2: UInt32 = 0
            var index = 0
            var words = data.count / 2
            while words > 0 {
                let block = min(words, 360)
                words -= block
                for _ in 0..<block {
                    sum1 &+= UInt32(data[index]) << 8 | UInt32(data[index + 1])
                    sum2 &+= sum1
                    index += 2
                }
                sum1 = (sum1 & 0xffff) + (sum1 >> 16)
                sum2 = (sum2 & 0xffff) + (sum2 >> 16)
            }
            if data.count % 2 == 1 {
                sum1 &+= UInt32(data[index]) << 8
                sum2 &+= sum1
                sum1 = (sum1 & 0xffff) + (sum1 >> 16)
                sum2 = (sum2 & 0xffff) + (sum2 >> 16)
            }
            sum1 = (sum1 & 0xffff) + (sum1 >> 16)
            sum2 = (sum2 & 0xffff) + (sum2 >> 16)
            return sum2 << 16 | sum1
        }
    }

    /// Inflates a zlib stream that holds exactly `size` bytes.
    /// - Throws: ``Failure`` when the stream is damaged or holds another size.
    static func inflate(_ bytes: [UInt8], size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLongf(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(length) == size else {
            throw Failure(reason: "inflate failed (zlib status \(status), \(length) of \(size) bytes)")
        }
        return output
    }

    /// Undoes the shuffle filter for elements of `elementSize` bytes: byte j of element i
    /// was stored at `j · n + i` (n elements); bytes beyond the last whole element stay
    /// where they are.
    static func unshuffle(_ bytes: [UInt8], elementSize: Int) -> [UInt8] {
        guard elementSize > 1 else { return bytes }
        let count = bytes.count / elementSize
        var output = bytes
        output.withUnsafeMutableBufferPointer { output in
            bytes.withUnsafeBufferPointer { input in
                for j in 0..<elementSize {
                    let plane = j * count
                    for i in 0..<count {
                        output[i &* elementSize &+ j] = input[plane &+ i]
                    }
                }
            }
        }
        return output
    }
}
