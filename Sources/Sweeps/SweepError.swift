/// Why a sweep cannot be planned, run or reported: one line naming the file or run.
package struct SweepError: Error, CustomStringConvertible, Equatable {
    /// The message.
    package let description: String

    /// An error with `description`.
    package init(_ description: String) {
        self.description = description
    }

    /// A decoding error in a few words: the key or the reason, without the coding path's
    /// dump.
    static func reason(of error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }
}
