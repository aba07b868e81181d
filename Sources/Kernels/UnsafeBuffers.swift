/// Read access to a contiguous run of elements, valid only inside the `withUnsafe…`
/// closure that made it (``Swift/Array/withReader(_:)``).
///
/// The fast kernels' inner loops read through this handle only; every access is checked
/// against the bounds in debug builds and unchecked in release builds.
struct BufferReader<Element>: @unchecked Sendable {
    fileprivate let buffer: UnsafeBufferPointer<Element>

    /// A handle on `buffer`.
    init(_ buffer: UnsafeBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// The number of elements.
    var count: Int { buffer.count }

    /// The first element, for loops that take a pointer.
    var start: UnsafePointer<Element> { buffer.start }

    /// The element at `index`.
    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index >= 0 && index < buffer.count, "read at \(index) outside 0..<\(buffer.count)")
        return buffer.baseAddress.unsafelyUnwrapped[index]
    }
}

extension BufferReader where Element: SIMDScalar {
    /// The `V.scalarCount` elements starting at `index`, in one unaligned load.
    @inline(__always)
    func vector<V: SIMD>(at index: Int) -> V where V.Scalar == Element {
        assert(index >= 0 && index + V.scalarCount <= count, "vector read at \(index) outside 0..<\(count)")
        return UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: V.self)
    }
}

/// Write access to a contiguous run of elements, valid only inside the `withUnsafe…`
/// closure that made it (``Swift/Array/withWriter(_:)``).
///
/// Concurrent tasks may share one writer as long as they write disjoint elements, which
/// is how the fast kernels split their outputs. Bounds are checked in debug builds.
struct BufferWriter<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element>

    /// A handle on `buffer`.
    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// The number of elements.
    var count: Int { buffer.count }

    /// The first element, for loops that take a pointer.
    var start: UnsafeMutablePointer<Element> { buffer.start }

    /// The element at `index`.
    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < buffer.count, "read at \(index) outside 0..<\(buffer.count)")
            return buffer.baseAddress.unsafelyUnwrapped[index]
        }
        nonmutating set {
            assert(index >= 0 && index < buffer.count, "write at \(index) outside 0..<\(buffer.count)")
            buffer.baseAddress.unsafelyUnwrapped[index] = newValue
        }
    }
}

extension BufferWriter {
    /// Copies `count` elements of `source` starting at `sourceIndex` to the elements
    /// starting at `index`.
    @inline(__always)
    func copy(_ count: Int, from source: BufferReader<Element>, at sourceIndex: Int, to index: Int) {
        guard count > 0 else { return }
        assert(sourceIndex >= 0 && sourceIndex + count <= source.count, "copy from outside the source")
        assert(index >= 0 && index + count <= buffer.count, "copy to outside the buffer")
        (buffer.baseAddress.unsafelyUnwrapped + index)
            .initialize(from: source.buffer.baseAddress.unsafelyUnwrapped + sourceIndex, count: count)
    }
}

extension BufferWriter {
    /// Sets the `count` elements starting at `index` to `value`.
    @inline(__always)
    func fill(_ count: Int, with value: Element, at index: Int) {
        guard count > 0 else { return }
        assert(index >= 0 && index + count <= buffer.count, "fill outside the buffer")
        (buffer.baseAddress.unsafelyUnwrapped + index).initialize(repeating: value, count: count)
    }
}

extension BufferWriter {
    /// A read handle on the same elements.
    var reader: BufferReader<Element> { BufferReader(UnsafeBufferPointer(buffer)) }

    /// Handles on consecutive runs of the elements from the first: `counts[i]` elements
    /// each, in order.
    func split(_ counts: [Int]) -> [BufferWriter<Element>] {
        precondition(counts.reduce(0, +) <= buffer.count, "runs of \(counts) outside \(buffer.count) elements")
        var start = buffer.start
        return counts.map { count in
            defer { start += count }
            return BufferWriter(UnsafeMutableBufferPointer(start: start, count: count))
        }
    }
}

extension Array {
    /// An array of `count` elements that `initialize` writes, every one of them, through a
    /// write handle (the elements start uninitialized, so none may be read before it is written).
    @inline(__always)
    init(count: Int, initializingEvery initialize: (BufferWriter<Element>) throws -> Void) rethrows {
        try self.init(unsafeUninitializedCapacity: count) { buffer, initializedCount in
            try initialize(BufferWriter(buffer))
            initializedCount = count
        }
    }

    /// Calls `body` with a bounds-checked (in debug builds) read handle on the elements.
    @inline(__always)
    func withReader<Result>(_ body: (BufferReader<Element>) throws -> Result) rethrows -> Result {
        try withUnsafeBufferPointer { try body(BufferReader($0)) }
    }

    /// Calls `body` with a bounds-checked (in debug builds) write handle on the elements.
    @inline(__always)
    mutating func withWriter<Result>(_ body: (BufferWriter<Element>) throws -> Result) rethrows -> Result {
        try withUnsafeMutableBufferPointer { try body(BufferWriter($0)) }
    }
}

extension UnsafeBufferPointer {
    /// The first element's address, for a kernel's raw operands; an empty buffer gives an
    /// aligned address that no kernel reads.
    var start: UnsafePointer<Element> {
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
    }
}

extension UnsafeMutableBufferPointer {
    /// The first element's address, for a kernel's raw operands; an empty buffer gives an
    /// aligned address that no kernel writes.
    var start: UnsafeMutablePointer<Element> {
        baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment).unsafelyUnwrapped
    }
}
