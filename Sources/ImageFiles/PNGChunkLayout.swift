import Foundation

/// The byte layout of a PNG stream (signature, then length-type-data-CRC chunks up to
/// IEND), checked before libpng sees the bytes so that the two commonest faults get a
/// precise message: not a PNG at all, and a file cut short.
enum PNGChunkLayout {
    /// The eight bytes every PNG stream starts with.
    static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    /// Why `data` is not a complete PNG stream (an error naming the file `name`), or nil
    /// when its chunks reach IEND. Chunk contents and CRCs are left to libpng.
    /// - Complexity: O(number of chunks).
    static func problem(in data: Data, name: String) -> ImageFileError? {
        let bytes = [UInt8](data)
        guard bytes.count >= signature.count, Array(bytes[0..<signature.count]) == signature else {
            return .notPNG(name: name)
        }
        var offset = signature.count
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            offset += 12 + length
            if type == "IEND" { return offset <= bytes.count ? nil : .truncated(name: name, byteCount: bytes.count) }
        }
        return .truncated(name: name, byteCount: bytes.count)
    }
}
