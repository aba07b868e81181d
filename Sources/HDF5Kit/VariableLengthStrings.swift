import CHDF5
import Foundation

/// The pointer work of variable-length strings, fenced in one place: HDF5 exchanges them
/// as arrays of C string pointers.
enum VariableLengthStrings {
    /// Calls `body` with an array of NUL-terminated copies of `strings`, valid only
    /// during the call. A string stops at its first NUL character.
    static func withPointers<Result>(to strings: [String],
                                     _ body: (UnsafeRawPointer) throws -> Result) rethrows -> Result {
        // One null pointer stands in for an empty list, so that the buffer has an address.
        let copies: [UnsafeMutablePointer<CChar>?] = strings.isEmpty ? [nil] : strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return try copies.withUnsafeBufferPointer { buffer in
            try body(UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped))
        }
    }

    /// Reads `count` strings: `fill` receives an array of `count` null pointers to fill
    /// with strings allocated by HDF5, which `reclaim` receives afterwards to free them
    /// (also when `fill` fails). A null pointer reads as the empty string.
    static func read(count: Int, fill: (UnsafeMutableRawPointer) -> herr_t,
                     reclaim: (UnsafeMutableRawPointer) -> Void) -> [String]? {
        var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
        return pointers.withUnsafeMutableBufferPointer { buffer -> [String]? in
            guard let base = buffer.baseAddress else { return [] }
            let status = fill(UnsafeMutableRawPointer(base))
            defer { reclaim(UnsafeMutableRawPointer(base)) }
            guard status >= 0 else { return nil }
            return buffer.map { $0.map { String(cString: $0) } ?? "" }
        }
    }
}
