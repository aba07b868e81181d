import CHDF5
import Foundation

/// The pointer work of variable-length strings (the string attributes), fenced in one
/// place: HDF5 exchanges such a string as a pointer to a C string.
enum VariableLengthStrings {
    /// Calls `body` with the address of a pointer to a NUL-terminated copy of `string`,
    /// valid only during the call. The string stops at its first NUL character.
    static func withPointer<Result>(to string: String,
                                    _ body: (UnsafeRawPointer) throws -> Result) rethrows -> Result {
        let copy: UnsafeMutablePointer<CChar>? = strdup(string)
        defer { free(copy) }
        assert(copy != nil, "out of memory copying a string")
        return try withUnsafePointer(to: copy) { try body(UnsafeRawPointer($0)) }
    }

    /// Reads one string: `fill` receives the address of a null pointer to set to a string
    /// allocated by HDF5, which `reclaim` receives afterwards to free it (also when `fill`
    /// fails). A null pointer reads as the empty string.
    /// - Returns: the string, or nil when `fill` failed.
    static func read(fill: (UnsafeMutableRawPointer) -> herr_t,
                     reclaim: (UnsafeMutableRawPointer) -> Void) -> String? {
        var pointer: UnsafeMutablePointer<CChar>? = nil
        return withUnsafeMutablePointer(to: &pointer) { address -> String? in
            let status = fill(UnsafeMutableRawPointer(address))
            defer { reclaim(UnsafeMutableRawPointer(address)) }
            guard status >= 0 else { return nil }
            return address.pointee.map { String(cString: $0) } ?? ""
        }
    }
}
