/// Memory that one thread reuses: it grows to the largest size asked of it and is not freed
/// in between, so that filtering chunk after chunk allocates no memory each time.
final class HDF5Scratch {
    private var memory = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    deinit { memory.deallocate() }

    /// `count` bytes of the memory, holding whatever they held last.
    func bytes(_ count: Int) -> UnsafeMutableRawBufferPointer {
        if memory.count < count {
            memory.deallocate()
            memory = .allocate(byteCount: count, alignment: 16)
        }
        return UnsafeMutableRawBufferPointer(rebasing: memory[..<count])
    }
}
