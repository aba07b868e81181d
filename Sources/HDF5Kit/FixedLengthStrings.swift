/// Strings as fixed-length fields of UTF-8 bytes padded with NULs, the layout of
/// fixed-length string datasets.
enum FixedLengthStrings {
    /// The fields of `strings`, each as wide as the longest UTF-8 encoding (at least one
    /// byte, as HDF5 requires). A string stops at its first NUL character.
    static func pack(_ strings: [String]) -> (byteCount: Int, bytes: [UInt8]) {
        let encoded = strings.map { Array($0.utf8.prefix { $0 != 0 }) }
        let byteCount = max(1, encoded.map(\.count).max() ?? 1)
        var bytes = [UInt8](repeating: 0, count: byteCount * strings.count)
        for (index, string) in encoded.enumerated() {
            bytes.replaceSubrange(index * byteCount..<index * byteCount + string.count, with: string)
        }
        return (byteCount, bytes)
    }

    /// The strings of fields of `byteCount` bytes, each ending at its first NUL.
    static func unpack(_ bytes: [UInt8], byteCount: Int) -> [String] {
        stride(from: 0, to: bytes.count, by: max(byteCount, 1)).map { start in
            let field = bytes[start..<min(start + byteCount, bytes.count)]
            return String(decoding: field.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
