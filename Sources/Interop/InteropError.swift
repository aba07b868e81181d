/// Why a file cannot be exported or imported: one line that names the file and, where
/// there is one, the key or object at fault.
public struct InteropError: Error, CustomStringConvertible, Equatable {
    /// The message, without the program's prefix.
    public let description: String

    /// An error about `file`: `FILE: REASON`.
    public init(file: String, _ reason: String) {
        description = "\(file): \(reason)"
    }
}
