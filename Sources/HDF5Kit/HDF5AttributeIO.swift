import CHDF5

/// Reads and writes scalar attributes.
enum HDF5AttributeIO {
    /// Decodes the open attribute `attribute`.
    static func read(_ attribute: HDF5Handle, _ context: HDF5Context) throws -> HDF5AttributeValue {
        let type = try context.handle(H5Aget_type(attribute.id), "read", closer: H5Tclose)
        let space = try context.handle(H5Aget_space(attribute.id), "read", closer: H5Sclose)
        let elementType = HDF5ElementType(describing: type.id)
        guard H5Sget_simple_extent_type(space.id) == H5S_SCALAR else {
            let shape = try HDF5Dataspace.shape(of: space, context)
            return .unsupported("\(elementType) \(shape)")
        }
        switch elementType {
        case .int64: return .int64(try readNumber(attribute, context))
        case .uint64: return .uint64(try readNumber(attribute, context))
        case .float64: return .float64(try readNumber(attribute, context))
        case .string: return .string(try readString(attribute, context))
        case .float32, .uint8, .fixedString, .other: return .unsupported(elementType.description)
        }
    }

    /// Creates the scalar attribute `name` on `object` and writes `value`.
    static func write(_ value: HDF5AttributeValue, named name: String, on object: HDF5Handle,
                      _ context: HDF5Context) throws {
        switch value {
        case .int64(let number): try writeNumber(number, named: name, on: object, context)
        case .uint64(let number): try writeNumber(number, named: name, on: object, context)
        case .float64(let number): try writeNumber(number, named: name, on: object, context)
        case .string(let text):
            let type = try HDF5StringType.variable(context)
            try VariableLengthStrings.withPointer(to: text) { pointer in
                try create(name, type: type.id, on: object, context) { attribute in
                    H5Awrite(attribute, type.id, pointer)
                }
            }
        case .unsupported(let description):
            throw context.error("write", "cannot write an attribute of type \(description)")
        }
    }

    private static func readNumber<Number: HDF5Number>(_ attribute: HDF5Handle,
                                                        _ context: HDF5Context) throws -> Number {
        var value = [Number()]
        try value.withUnsafeMutableBytes { buffer in
            _ = try context.check(H5Aread(attribute.id, Number.nativeTypeID, buffer.baseAddress), "read")
        }
        return value[0]
    }

    private static func readString(_ attribute: HDF5Handle, _ context: HDF5Context) throws -> String {
        let memoryType = try HDF5StringType.variable(context)
        let space = try context.handle(H5Screate(H5S_SCALAR), "read", closer: H5Sclose)
        let text = VariableLengthStrings.read { buffer in
            H5Aread(attribute.id, memoryType.id, buffer)
        } reclaim: { buffer in
            _ = H5Dvlen_reclaim(memoryType.id, space.id, chdf5_p_default(), buffer)
        }
        guard let text else { throw context.stackError("read") }
        return text
    }

    private static func writeNumber<Number: HDF5Number>(_ number: Number, named name: String,
                                                         on object: HDF5Handle, _ context: HDF5Context) throws {
        try create(name, type: Number.fileTypeID, on: object, context) { attribute in
            withUnsafePointer(to: number) { H5Awrite(attribute, Number.nativeTypeID, $0) }
        }
    }

    /// Creates a scalar attribute of file type `type` and fills it with `write`.
    private static func create(_ name: String, type: hid_t, on object: HDF5Handle, _ context: HDF5Context,
                               write: (hid_t) -> herr_t) throws {
        let space = try context.handle(H5Screate(H5S_SCALAR), "write", closer: H5Sclose)
        let attribute = try context.handle(
            H5Acreate2(object.id, name, type, space.id, chdf5_p_default(), chdf5_p_default()), "write",
            closer: H5Aclose)
        try context.check(write(attribute.id), "write")
        try context.check(attribute.close(), "write")
    }
}

/// Reads the extent of dataspaces.
enum HDF5Dataspace {
    /// The dimensions of the simple dataspace `space` (empty for a scalar one).
    static func shape(of space: HDF5Handle, _ context: HDF5Context) throws -> [Int] {
        let rank = try context.check(H5Sget_simple_extent_ndims(space.id), "read shape")
        var dimensions = [hsize_t](repeating: 0, count: Int(rank))
        try context.check(H5Sget_simple_extent_dims(space.id, &dimensions, nil), "read shape")
        return dimensions.map { Int($0) }
    }
}
