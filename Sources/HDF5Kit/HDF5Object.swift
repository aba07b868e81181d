import CHDF5

/// What an object of a file is.
package enum HDF5ObjectKind: String, Sendable {
    /// A group.
    case group
    /// A dataset.
    case dataset
    /// Anything else: a named datatype, a soft or external link.
    case other
}

/// A group or a dataset: an open object of a file, with a path and attributes.
package class HDF5Object {
    /// The object's path in its file, for example `/plastic/w`.
    package let path: String
    /// The file and the path, for error messages.
    let context: HDF5Context
    /// The open identifier.
    let handle: HDF5Handle

    /// The object at `path` of the file of `context`, open as `handle`.
    init(handle: HDF5Handle, in context: HDF5Context, path: String) {
        self.handle = handle
        self.context = context.child(path)
        self.path = path
    }

    /// The path of the child `name` of this object.
    func childPath(_ name: String) -> String {
        path == "/" ? "/" + name : path + "/" + name
    }

    /// The names of the object's attributes, in byte order of their names.
    /// - Throws: `HDF5Error` when HDF5 cannot list them.
    package func attributeNames() throws -> [String] {
        try HDF5Library.locked {
            var info = H5O_info_t()
            try context.check(H5Oget_info2(handle.id, &info, UInt32(H5O_INFO_NUM_ATTRS)), "list attributes")
            return try (0..<info.num_attrs).map { index in
                try HDF5Names.read(context, "list attributes") { buffer, size in
                    H5Aget_name_by_idx(handle.id, ".", H5_INDEX_NAME, H5_ITER_INC, index, buffer, size,
                                       chdf5_p_default())
                }
            }
        }
    }

    /// The attribute `name`, or nil when the object has none of that name.
    /// - Throws: `HDF5Error` when it exists but cannot be read.
    package func attribute(_ name: String) throws -> HDF5AttributeValue? {
        try HDF5Library.locked {
            let context = attributeContext(name)
            guard try context.check(H5Aexists(handle.id, name), "read") > 0 else { return nil }
            let attribute = try context.handle(H5Aopen(handle.id, name, chdf5_p_default()), "read",
                                               closer: H5Aclose)
            return try HDF5AttributeIO.read(attribute, context)
        }
    }

    /// Every attribute, by name, in the order of ``attributeNames()``.
    /// - Throws: `HDF5Error` when one cannot be read.
    package func attributes() throws -> [(name: String, value: HDF5AttributeValue)] {
        try HDF5Library.locked {
            try attributeNames().compactMap { name in try attribute(name).map { (name, $0) } }
        }
    }

    /// Writes the scalar attribute `name`, replacing one of the same name.
    /// - Throws: `HDF5Error` when HDF5 cannot write it, or for an `.unsupported` value.
    package func setAttribute(_ name: String, _ value: HDF5AttributeValue) throws {
        try HDF5Library.locked {
            let context = attributeContext(name)
            if try context.check(H5Aexists(handle.id, name), "write") > 0 {
                try context.check(H5Adelete(handle.id, name), "write")
            }
            try HDF5AttributeIO.write(value, named: name, on: handle, context)
        }
    }

    /// The times HDF5 stored in the object's header (access, modification, change, birth),
    /// in seconds since 1970; all zero when the file does not track times.
    /// - Throws: `HDF5Error` when HDF5 cannot read the header.
    package func storedTimes() throws -> [Int] {
        try HDF5Library.locked {
            var info = H5O_info_t()
            try context.check(H5Oget_info2(handle.id, &info, UInt32(H5O_INFO_TIME)), "read header")
            return [info.atime, info.mtime, info.ctime, info.btime].map { Int($0) }
        }
    }

    private func attributeContext(_ name: String) -> HDF5Context {
        context.child("\(path) attribute \(name)")
    }
}

/// Reads the names HDF5 returns by the "ask the length, then fill a buffer" convention.
enum HDF5Names {
    /// Calls `get` once with no buffer to learn the length, then with a buffer.
    static func read(_ context: HDF5Context, _ operation: String,
                     _ get: (UnsafeMutablePointer<CChar>?, Int) -> Int) throws -> String {
        let length = try context.check(get(nil, 0), operation)
        var buffer = [CChar](repeating: 0, count: length + 1)
        try context.check(get(&buffer, buffer.count), operation)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
