import CHDF5

/// One filter of a dataset's pipeline.
package enum HDF5Filter: Hashable, Sendable, CustomStringConvertible {
    /// Byte shuffling.
    case shuffle
    /// Deflate (zlib) compression at a level.
    case deflate(level: Int)
    /// The Fletcher-32 checksum of each chunk.
    case fletcher32
    /// Any other filter, by HDF5 identifier and name.
    case other(id: Int, name: String)

    /// `shuffle`, `deflate`, `fletcher32`, or the other filter's name (`filter ID` when it
    /// has none).
    package var name: String {
        switch self {
        case .shuffle: "shuffle"
        case .deflate: "deflate"
        case .fletcher32: "fletcher32"
        case .other(let id, let name): name.isEmpty ? "filter \(id)" : name
        }
    }

    /// The name, with the level of deflate: `deflate(1)`.
    package var description: String {
        if case .deflate(let level) = self { return "deflate(\(level))" }
        return name
    }
}

/// How a dataset is stored.
package struct HDF5StorageInfo: Equatable, Sendable {
    /// HDF5's storage layouts.
    package enum Layout: String, Sendable {
        /// In the object header.
        case compact
        /// One block.
        case contiguous
        /// In chunks, each passing through the filters.
        case chunked
        /// Anything else (virtual datasets).
        case other
    }

    /// The layout.
    package let layout: Layout
    /// The chunk shape when chunked.
    package let chunkShape: [Int]?
    /// The filters, in pipeline order (applied in this order when writing).
    package let filters: [HDF5Filter]
    /// The bytes the data take in the file.
    package let storedBytes: Int

    /// The storage described by the dataset creation property list `properties`.
    init(properties: HDF5Handle, storedBytes: Int, _ context: HDF5Context) throws {
        self.storedBytes = storedBytes
        switch H5Pget_layout(properties.id) {
        case H5D_COMPACT: layout = .compact
        case H5D_CONTIGUOUS: layout = .contiguous
        case H5D_CHUNKED: layout = .chunked
        default: layout = .other
        }
        if layout == .chunked {
            var chunk = [hsize_t](repeating: 0, count: 32)
            let rank = try context.check(H5Pget_chunk(properties.id, Int32(chunk.count), &chunk), "read storage")
            chunkShape = chunk.prefix(Int(rank)).map { Int($0) }
        } else {
            chunkShape = nil
        }
        let count = try context.check(H5Pget_nfilters(properties.id), "read storage")
        filters = try (0..<UInt32(count)).map { index in try Self.filter(at: index, of: properties, context) }
    }

    private static func filter(at index: UInt32, of properties: HDF5Handle,
                               _ context: HDF5Context) throws -> HDF5Filter {
        var flags: UInt32 = 0, configuration: UInt32 = 0
        var values = [UInt32](repeating: 0, count: 8)
        var valueCount = values.count
        var name = [CChar](repeating: 0, count: 64)
        let id = try context.check(H5Pget_filter2(properties.id, index, &flags, &valueCount, &values, name.count,
                                                  &name, &configuration), "read storage")
        switch id {
        case H5Z_FILTER_SHUFFLE: return .shuffle
        case H5Z_FILTER_DEFLATE: return .deflate(level: valueCount > 0 ? Int(values[0]) : -1)
        case H5Z_FILTER_FLETCHER32: return .fletcher32
        default:
            let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .other(id: Int(id), name: text)
        }
    }

    /// Whether the data pass through shuffle, deflate and Fletcher-32 (any level).
    package var hasStandardFilters: Bool {
        Set(["shuffle", "deflate", "fletcher32"]).isSubset(of: filters.map(\.name))
    }
}
