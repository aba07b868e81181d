import Synchronization

/// Float storage that kernel calls borrow for their intermediate arrays and give back,
/// so that calls of the same shapes reuse the same memory instead of each allocating,
/// faulting in and freeing its own (at 101 x 101, the operating system's page faults on
/// fresh allocations cost more than the arithmetic).
///
/// Buffers are kept between calls up to ``retainedLimit`` scalars in all; a buffer given
/// back beyond it is freed. Borrowed contents are whatever the last borrower left: a
/// borrower writes every element it reads.
package final class ScratchBuffers: Sendable {
    /// The buffers of every kernel call in the process.
    package static let shared = ScratchBuffers(retainedLimit: 4 << 20)

    /// The most scalars kept while no call borrows them.
    package let retainedLimit: Int
    /// The buffers not borrowed now, as addresses and capacities.
    private let idle = Mutex<[(address: Int, capacity: Int)]>([])

    /// An empty store keeping up to `retainedLimit` scalars.
    package init(retainedLimit: Int) {
        self.retainedLimit = retainedLimit
    }

    deinit {
        for buffer in idle.withLock({ $0 }) {
            Self.pointer(buffer.address).deallocate()
        }
    }

    /// Calls `body` with `count` uninitialized scalars borrowed for the duration of the
    /// call (the smallest idle buffer that holds them, or a new one).
    package func borrow<Result>(count: Int, _ body: (UnsafeMutableBufferPointer<Float>) throws -> Result) rethrows -> Result {
        let capacity = max(count, 1)
        // No allocation while the lock is held: threads that borrow at once would wait on
        // each other and on the allocator's own lock.
        let buffer = idle.withLock { idle -> (address: Int, capacity: Int)? in
            var best: Int?
            for index in idle.indices where idle[index].capacity >= capacity {
                if best.map({ idle[index].capacity < idle[$0].capacity }) ?? true {
                    best = index
                }
            }
            return best.map { idle.remove(at: $0) }
        } ?? (Int(bitPattern: UnsafeMutablePointer<Float>.allocate(capacity: capacity)), capacity)
        defer { giveBack(buffer) }
        let start = Self.pointer(buffer.address)
        return try body(UnsafeMutableBufferPointer(start: start, count: count))
    }

    /// Calls `body` with consecutive borrowed runs of `counts[i]` uninitialized scalars
    /// each (one buffer, ``borrow(count:_:)``).
    func borrow<Result>(_ counts: [Int], _ body: ([BufferWriter<Float>]) throws -> Result) rethrows -> Result {
        try borrow(count: counts.reduce(0, +)) { try body(BufferWriter($0).split(counts)) }
    }

    /// The scalars of the buffers kept for the next borrowers.
    package var idleScalars: Int {
        idle.withLock { $0.reduce(0) { $0 + $1.capacity } }
    }

    /// Keeps `buffer` for the next borrower, dropping the smallest idle buffers while the
    /// idle total would pass ``retainedLimit``.
    private func giveBack(_ buffer: (address: Int, capacity: Int)) {
        idle.withLock { idle in
            idle.append(buffer)
            idle.sort { $0.capacity > $1.capacity }
        }
        // One dropped buffer at a time, so that no array is made while the lock is held.
        while let dropped = idle.withLock({ idle -> (address: Int, capacity: Int)? in
            var kept = 0
            let keptCount = idle.prefix { buffer in
                kept += buffer.capacity
                return kept <= retainedLimit
            }.count
            return idle.count > keptCount ? idle.removeLast() : nil
        }) {
            Self.pointer(dropped.address).deallocate()
        }
    }

    /// The address `address` as a float pointer.
    private static func pointer(_ address: Int) -> UnsafeMutablePointer<Float> {
        UnsafeMutablePointer(bitPattern: address).unsafelyUnwrapped
    }
}
