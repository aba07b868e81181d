import CHDF5

/// The type of the elements of a dataset or of an attribute.
package enum HDF5ElementType: Hashable, Sendable, CustomStringConvertible {
    /// IEEE 754 binary32.
    case float32
    /// IEEE 754 binary64.
    case float64
    /// Signed 64-bit integer.
    case int64
    /// Unsigned 64-bit integer.
    case uint64
    /// Unsigned 8-bit integer.
    case uint8
    /// Variable-length string (the type of string attributes).
    case string
    /// Fixed-length string of that many bytes, padded with NULs (the type of string
    /// datasets: HDF5 refuses the Fletcher-32 filter on variable-length types).
    case fixedString(byteCount: Int)
    /// Any other type, described as `int32`, `float16`, `compound`...
    case other(String)

    /// The type's name: `float32`, `int64`, `string`, `string[8]` (fixed length), or the
    /// description of another type.
    package var description: String {
        switch self {
        case .float32: "float32"
        case .float64: "float64"
        case .int64: "int64"
        case .uint64: "uint64"
        case .uint8: "uint8"
        case .string: "string"
        case .fixedString(let byteCount): "string[\(byteCount)]"
        case .other(let name): name
        }
    }

    /// The size of one element in memory, in bytes (a pointer for variable-length strings),
    /// or nil for other types.
    package var byteCount: Int? {
        switch self {
        case .float32: 4
        case .float64, .int64, .uint64: 8
        case .uint8: 1
        case .string: MemoryLayout<UnsafeRawPointer>.size
        case .fixedString(let byteCount): byteCount
        case .other: nil
        }
    }

    /// The memory type of the numeric types, in the machine's byte order.
    var nativeType: hid_t? {
        switch self {
        case .float32: chdf5_t_native_float()
        case .float64: chdf5_t_native_double()
        case .int64: chdf5_t_native_int64()
        case .uint64: chdf5_t_native_uint64()
        case .uint8: chdf5_t_native_uint8()
        case .string, .fixedString, .other: nil
        }
    }

    /// The file type of the numeric types: little-endian on every machine.
    var fileType: hid_t? {
        switch self {
        case .float32: chdf5_t_ieee_f32le()
        case .float64: chdf5_t_ieee_f64le()
        case .int64: chdf5_t_std_i64le()
        case .uint64: chdf5_t_std_u64le()
        case .uint8: chdf5_t_std_u8le()
        case .string, .fixedString, .other: nil
        }
    }

    /// The element type of the HDF5 datatype `type`.
    init(describing type: hid_t) {
        let size = H5Tget_size(type)
        switch H5Tget_class(type) {
        case H5T_FLOAT:
            self = size == 4 ? .float32 : size == 8 ? .float64 : .other("float\(size * 8)")
        case H5T_INTEGER:
            let signed = H5Tget_sign(type) == H5T_SGN_2
            switch (signed, size) {
            case (true, 8): self = .int64
            case (false, 8): self = .uint64
            case (false, 1): self = .uint8
            default: self = .other("\(signed ? "int" : "uint")\(size * 8)")
            }
        case H5T_STRING:
            self = H5Tis_variable_str(type) > 0 ? .string : .fixedString(byteCount: size)
        case H5T_COMPOUND: self = .other("compound")
        case H5T_ENUM: self = .other("enum")
        case H5T_VLEN: self = .other("vlen")
        case H5T_ARRAY: self = .other("array")
        case H5T_OPAQUE: self = .other("opaque")
        case H5T_REFERENCE: self = .other("reference")
        case H5T_BITFIELD: self = .other("bitfield")
        default: self = .other("unknown type")
        }
    }
}

/// A Swift number type that datasets store: `Float`, `Double`, `Int64`, `UInt64`, `UInt8`.
package protocol HDF5Number: Sendable {
    /// The element type of a dataset holding this type.
    static var elementType: HDF5ElementType { get }
    /// Zero.
    init()
}

extension Float: HDF5Number {
    /// `float32`.
    package static var elementType: HDF5ElementType { .float32 }
}

extension Double: HDF5Number {
    /// `float64`.
    package static var elementType: HDF5ElementType { .float64 }
}

extension Int64: HDF5Number {
    /// `int64`.
    package static var elementType: HDF5ElementType { .int64 }
}

extension UInt64: HDF5Number {
    /// `uint64`.
    package static var elementType: HDF5ElementType { .uint64 }
}

extension UInt8: HDF5Number {
    /// `uint8`.
    package static var elementType: HDF5ElementType { .uint8 }
}

extension HDF5Number {
    /// The memory type (an invalid identifier, which HDF5 refuses, for a conformance
    /// outside this module with a non-numeric element type).
    static var nativeTypeID: hid_t { elementType.nativeType ?? hid_t(H5I_INVALID_HID) }

    /// The little-endian file type (an invalid identifier as for ``nativeTypeID``).
    static var fileTypeID: hid_t { elementType.fileType ?? hid_t(H5I_INVALID_HID) }
}

/// UTF-8 string types, for files and for memory.
enum HDF5StringType {
    /// A new variable-length string type; the caller closes it.
    static func variable(_ context: HDF5Context) throws -> HDF5Handle {
        try make(size: chdf5_t_variable(), context)
    }

    /// A new fixed-length string type of `byteCount` bytes, padded with NULs; the caller
    /// closes it.
    static func fixed(byteCount: Int, _ context: HDF5Context) throws -> HDF5Handle {
        let type = try make(size: byteCount, context)
        try context.check(H5Tset_strpad(type.id, H5T_STR_NULLPAD), "create string type")
        return type
    }

    private static func make(size: Int, _ context: HDF5Context) throws -> HDF5Handle {
        let type = try context.handle(H5Tcopy(chdf5_t_c_s1()), "create string type", closer: H5Tclose)
        try context.check(H5Tset_size(type.id, size), "create string type")
        try context.check(H5Tset_cset(type.id, H5T_CSET_UTF8), "create string type")
        return type
    }
}
