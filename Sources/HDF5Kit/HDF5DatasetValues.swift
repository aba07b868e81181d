import CHDF5
import Foundation

/// The elements of a dataset of any numeric or string type, widened so that datasets of
/// different files can be compared: every float (16, 32 or 64 bits) as the `Double` of
/// the same value, every signed integer as `Int64`, every unsigned one as `UInt64`, every
/// string (fixed or variable length) as a `String`.
package enum HDF5Values: Equatable, Sendable {
    /// Floating-point elements, exactly as stored.
    case floats([Double])
    /// Signed integer elements.
    case signedIntegers([Int64])
    /// Unsigned integer elements.
    case unsignedIntegers([UInt64])
    /// String elements.
    case strings([String])

    /// The number of elements.
    package var count: Int {
        switch self {
        case .floats(let values): values.count
        case .signedIntegers(let values): values.count
        case .unsignedIntegers(let values): values.count
        case .strings(let values): values.count
        }
    }
}

extension HDF5Dataset {
    /// Reads every element in row-major order, widened as ``HDF5Values`` says.
    /// - Returns: the values, or nil for a type of another class (compound, enum, array,
    ///   opaque, reference...).
    /// - Throws: `HDF5Error` naming the dataset when the read fails (a checksum mismatch,
    ///   a damaged file).
    package func readValues() throws -> HDF5Values? {
        let type = try elementType()
        switch type {
        case .float32, .float64: return .floats(try read(as: Double.self, memoryType: chdf5_t_native_double()))
        case .int64: return .signedIntegers(try read(Int64.self))
        case .uint64, .uint8: return .unsignedIntegers(try read(as: UInt64.self, memoryType: chdf5_t_native_uint64()))
        case .fixedString: return .strings(try readStrings())
        case .string: return .strings(try readVariableLengthStrings())
        case .other:
            return try HDF5Library.locked {
                let stored = try context.handle(H5Dget_type(handle.id), "read type", closer: H5Tclose)
                switch H5Tget_class(stored.id) {
                case H5T_FLOAT:
                    return .floats(try read(as: Double.self, memoryType: chdf5_t_native_double()))
                case H5T_INTEGER where H5Tget_sign(stored.id) == H5T_SGN_2:
                    return .signedIntegers(try read(as: Int64.self, memoryType: chdf5_t_native_int64()))
                case H5T_INTEGER:
                    return .unsignedIntegers(try read(as: UInt64.self, memoryType: chdf5_t_native_uint64()))
                default:
                    return nil
                }
            }
        }
    }

    /// Reads every element of a dataset of variable-length strings (invalid UTF-8 reads as
    /// U+FFFD, a null string as the empty one).
    private func readVariableLengthStrings() throws -> [String] {
        try HDF5Library.locked {
            try requireReadable(elementBytes: MemoryLayout<UnsafeRawPointer>.stride)
            let memoryType = try HDF5StringType.variable(context)
            let space = try context.handle(H5Dget_space(handle.id), "read", closer: H5Sclose)
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: try elementCount())
            guard !pointers.isEmpty else { return [] }
            return try pointers.withUnsafeMutableBytes { buffer in
                let status = H5Dread(handle.id, memoryType.id, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(),
                                     buffer.baseAddress)
                defer { _ = H5Dvlen_reclaim(memoryType.id, space.id, chdf5_p_default(), buffer.baseAddress) }
                try context.check(status, "read")
                return buffer.bindMemory(to: UnsafeMutablePointer<CChar>?.self).map { pointer in
                    pointer.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)),
                                         as: UTF8.self) } ?? ""
                }
            }
        }
    }
}

/// The values of a dataset on their way: read by the library already, or stored chunks
/// still to decode (``HDF5RawChunks``), which ``values()`` may do on any thread.
package enum HDF5PendingValues: Sendable {
    /// Read by the library (nil for a type that is not read).
    case read(HDF5Values?)
    /// Stored chunks to decode.
    case chunks(HDF5RawChunks)

    /// The values, decoded now if need be.
    /// - Throws: `HDF5Error` naming the dataset when a chunk fails its checksum or does not
    ///   inflate.
    package func values() throws -> HDF5Values? {
        switch self {
        case .read(let values): values
        case .chunks(let chunks): try chunks.values()
        }
    }
}

extension HDF5Dataset {
    /// The dataset's values, with their decoding left to ``HDF5PendingValues/values()``
    /// where the dataset allows it (``rawChunks()``); read by the library otherwise.
    /// - Throws: `HDF5Error` naming the dataset when a read fails.
    package func pendingValues() throws -> HDF5PendingValues {
        if let chunks = try rawChunks() { return .chunks(chunks) }
        return .read(try readValues())
    }
}
