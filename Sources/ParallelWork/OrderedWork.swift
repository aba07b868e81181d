import Foundation

/// Work items done on several threads whose results are taken one at a time, in order:
/// `produce` runs for the items 0, 1, 2... on up to `threads` threads at once, and
/// `consume` receives each item's result in the order of the items, on the thread that
/// produced it, never two at once. What is consumed, and in what order, does not depend on
/// the number of threads; at most `threads` results wait at once.
///
/// Each thread has a worker of its own (`worker` makes it), which `produce` may keep its
/// result in: a thread consumes the result of an item before it produces the next.
///
/// The one primitive of parallel work outside the kernels (which have their own pool of
/// threads): the closures run on several threads without the compiler's checks, so it is
/// tested on its own (ParallelWorkTests), and its users pass it work that touches nothing
/// shared but what `consume` receives.
package enum OrderedWork {
    /// Produces and consumes the items `0..<count`.
    /// - Throws: the error of the first item (in order) whose `produce` or `consume` threw;
    ///   the items after it are not consumed.
    package static func run<Worker, Value>(count: Int, threads: Int, worker: () -> Worker,
                                   produce: (Int, Worker) throws -> Value,
                                   consume: (Int, Value) throws -> Void) throws {
        let turns = Turns(count: count)
        let workers = max(1, min(threads, count))
        withoutActuallyEscaping(worker) { worker in
            withoutActuallyEscaping(produce) { produce in
                withoutActuallyEscaping(consume) { consume in
                    let work = UncheckedWork(worker: worker, produce: produce, consume: consume)
                    if workers == 1 {
                        turns.work(work)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: workers) { _ in turns.work(work) }
                    }
                }
            }
        }
        if let failure = turns.failure { throw failure }
    }

    /// The closures, which run on the workers' threads.
    private struct UncheckedWork<Worker, Value>: @unchecked Sendable {
        let worker: () -> Worker
        let produce: (Int, Worker) throws -> Value
        let consume: (Int, Value) throws -> Void
    }

    /// The items' claims and turns, shared by the workers.
    private final class Turns: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private var claimed = 0
        private var consumed = 0
        private(set) var failure: (any Error)?

        init(count: Int) {
            self.count = count
        }

        /// A worker: claims the next item, produces it, waits for its turn, consumes it,
        /// until no item is left or one has failed.
        func work<Worker, Value>(_ work: UncheckedWork<Worker, Value>) {
            let worker = work.worker()
            while let item = claim() {
                let produced = Result { try work.produce(item, worker) }
                condition.lock()
                while consumed != item { condition.wait() }
                let failed = failure != nil
                condition.unlock()
                var outcome: Result<Void, any Error> = .success(())
                if !failed { outcome = Result { try work.consume(item, produced.get()) } }
                condition.lock()
                if case .failure(let error) = outcome { failure = error }
                consumed += 1
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The next item, or nil when none is left or an item has failed.
        private func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard claimed < count, failure == nil else { return nil }
            claimed += 1
            return claimed - 1
        }
    }
}

extension OrderedWork {
    /// `produce(0)`, `produce(1)`... `produce(count - 1)` on up to `threads` threads at once,
    /// in the order of the items.
    /// - Throws: the error of the first item (in order) whose `produce` threw.
    package static func map<Value>(count: Int, threads: Int, _ produce: (Int) throws -> Value) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        try run(count: count, threads: threads, worker: {}, produce: { index, _ in try produce(index) },
                consume: { _, value in values.append(value) })
        return values
    }
}
