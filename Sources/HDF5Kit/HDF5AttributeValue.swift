/// The value of a scalar attribute.
package enum HDF5AttributeValue: Hashable, Sendable, CustomStringConvertible {
    /// A signed 64-bit integer.
    case int64(Int64)
    /// An unsigned 64-bit integer.
    case uint64(UInt64)
    /// A 64-bit float.
    case float64(Double)
    /// A variable-length UTF-8 string (JSON text is a string).
    case string(String)
    /// An attribute this module does not decode (another type, or not a scalar),
    /// described as `int32`, `float64 [3]`...
    case unsupported(String)

    /// The stored type's name: `int64`, `uint64`, `float64`, `string`, or the description of
    /// an unsupported attribute.
    package var typeName: String {
        switch self {
        case .int64: "int64"
        case .uint64: "uint64"
        case .float64: "float64"
        case .string: "string"
        case .unsupported(let description): description
        }
    }

    /// The value as text on one line: numbers as Swift prints them, strings quoted, with line
    /// breaks, quotes and other special characters escaped as in Swift source.
    package var description: String {
        switch self {
        case .int64(let value): "\(value)"
        case .uint64(let value): "\(value)"
        case .float64(let value): "\(value)"
        case .string(let value): value.debugDescription
        case .unsupported(let description): "<\(description)>"
        }
    }

    /// The value when it is a string.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value when it is an integer that fits in `Int64`.
    package var int64Value: Int64? {
        switch self {
        case .int64(let value): value
        case .uint64(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// The value when it is a 64-bit float.
    package var float64Value: Double? {
        if case .float64(let value) = self { return value }
        return nil
    }
}
