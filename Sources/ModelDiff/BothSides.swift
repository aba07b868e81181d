import Foundation

/// Does the same work for both files at once, one file per thread.
enum BothSides {
    /// `work(0)` and `work(1)`, each on its own thread.
    /// - Throws: the first side's error, else the second's.
    static func run<Value: Sendable>(_ work: @Sendable (Int) throws -> Value) throws -> (Value, Value) {
        let results = Results<Value>()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            results.set(side, Result { try work(side) })
        }
        return (try results.get(0), try results.get(1))
    }

    /// The two results, each written by its own thread.
    private final class Results<Value: Sendable>: @unchecked Sendable {
        private var slots: [Result<Value, any Error>?] = [nil, nil]
        private let lock = NSLock()

        func set(_ side: Int, _ result: Result<Value, any Error>) {
            lock.withLock { slots[side] = result }
        }

        func get(_ side: Int) throws -> Value {
            try lock.withLock { slots[side] }!.get()
        }
    }
}
