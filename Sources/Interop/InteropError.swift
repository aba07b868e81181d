/// Why a file cannot be exported or imported: one line that names the file and, where
/// there is one, the key or object at fault.
package struct InteropError: Error, CustomStringConvertible, Equatable {
    /// The message, without the program's prefix.
    package let description: String

    /// An error about `file`: `FILE: REASON`.
    package init(file: String, _ reason: String) {
        description = "\(file): \(reason)"
    }
}
