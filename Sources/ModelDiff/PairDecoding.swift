import Foundation
import HDF5Kit

/// Decodes the values of one dataset of both files at once, one file per thread.
enum PairDecoding {
    /// The values of both sides.
    /// - Throws: the first side's error, else the second's.
    static func values(_ a: HDF5PendingValues, _ b: HDF5PendingValues) throws -> (HDF5Values?, HDF5Values?) {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            results.set(side, Result { try (side == 0 ? a : b).values() })
        }
        return (try results.get(0), try results.get(1))
    }

    /// The two results, each written by its own thread.
    private final class Results: @unchecked Sendable {
        private var slots: [Result<HDF5Values?, any Error>?] = [nil, nil]
        private let lock = NSLock()

        func set(_ side: Int, _ result: Result<HDF5Values?, any Error>) {
            lock.withLock { slots[side] = result }
        }

        func get(_ side: Int) throws -> HDF5Values? {
            try lock.withLock { slots[side] }!.get()
        }
    }
}
