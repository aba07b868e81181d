import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads that outlive the parallel regions of the kernels, so that a region costs a few
/// microseconds to start instead of the wake-up of fresh workers.
///
/// Between regions a worker spins for a while, then sleeps on a condition variable. One
/// region runs at a time; a region asked for while another runs (from inside a task, or
/// from another thread) runs on Dispatch instead. Which thread runs a task never changes
/// a result (see ``ParallelRunner``).
final class WorkerPool: @unchecked Sendable {
    /// The pool of the process.
    static let shared = WorkerPool()

    /// Spins of a worker waiting for the next region before it sleeps: a few hundred
    /// microseconds, as many as libgomp's default. The serial work between two regions of a
    /// training step is often longer than the 20,000 spins of before, and a worker woken
    /// from sleep starts its part late (about 170 sleeps a step; 300,000 spins measured a
    /// training epoch 10% faster on two threads).
    private static let spinsBeforeSleeping = 300_000

    /// The most parts of a region on the pool; larger regions run on Dispatch.
    private static let maximumParts = 1 << 12

    private let inUse = Atomic<Bool>(false)
    /// The current region: its number times ``maximumParts`` plus its part count, in one
    /// word, so that a worker that wakes late never pairs one region's number with
    /// another's part count (it would run a part twice and end a region early).
    private let region = Atomic<Int>(0)
    private let unfinished = Atomic<Int>(0)
    /// The region's body; written only while no worker of a region can read it.
    private var body: (@Sendable (Int) -> Void)?
    /// Workers started so far; worker w (from 1) runs part w of each region.
    private var started = 0
    private let sleep: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>

    private init() {
        sleep = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        pthread_mutex_init(sleep, nil)
        pthread_cond_init(wake, nil)
    }

    /// Runs `part(0)` … `part(parts - 1)` at once, part 0 on the calling thread, and
    /// returns when all have returned.
    func run(parts: Int, _ part: @Sendable (Int) -> Void) {
        guard parts > 1 else {
            if parts == 1 { part(0) }
            return
        }
        guard parts < Self.maximumParts,
              inUse.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: part)
            return
        }
        defer { inUse.store(false, ordering: .releasing) }
        startWorkers(upTo: parts - 1)
        withoutActuallyEscaping(part) { part in
            body = part
            unfinished.store(parts - 1, ordering: .relaxed)
            let next = (region.load(ordering: .relaxed) / Self.maximumParts + 1) * Self.maximumParts + parts
            region.store(next, ordering: .releasing)
            pthread_mutex_lock(sleep)
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(sleep)
            part(0)
            var spins = 0
            while unfinished.load(ordering: .acquiring) > 0 {
                spins += 1
                if spins > Self.spinsBeforeSleeping { sched_yield() }
            }
            body = nil
        }
    }

    /// Starts workers until there are `count`; they wait for the region after the current
    /// one.
    private func startWorkers(upTo count: Int) {
        while started < count {
            started += 1
            var thread = pthread_t()
            let start = UnsafeMutablePointer<(index: Int, seen: Int)>.allocate(capacity: 1)
            start.initialize(to: (started, region.load(ordering: .relaxed)))
            let created = pthread_create(&thread, nil, { argument in
                let pointer = argument!.assumingMemoryBound(to: (index: Int, seen: Int).self)
                let start = pointer.pointee
                pointer.deallocate()
                WorkerPool.shared.work(as: start.index, after: start.seen)
            }, start)
            precondition(created == 0, "cannot start a worker thread (error \(created))")
            pthread_detach(thread)
        }
    }

    /// The loop of worker `index`: waits for each region after `seen` (a value of
    /// ``region``) and runs its part, if it has one.
    private func work(as index: Int, after seen: Int) -> Never {
        var seen = seen
        while true {
            var spins = 0
            while region.load(ordering: .acquiring) == seen && spins < Self.spinsBeforeSleeping {
                spins += 1
            }
            if region.load(ordering: .acquiring) == seen {
                pthread_mutex_lock(sleep)
                while region.load(ordering: .acquiring) == seen {
                    pthread_cond_wait(wake, sleep)
                }
                pthread_mutex_unlock(sleep)
            }
            seen = region.load(ordering: .acquiring)
            // A part of this region holds the region open until it is done, so the body
            // read below is this region's.
            if index < seen % Self.maximumParts {
                runPart(index)
                unfinished.subtract(1, ordering: .releasing)
            }
        }
    }

    /// Runs part `index` of the current region, and lets go of the region's body before it
    /// returns: the caller's `withoutActuallyEscaping` checks that nothing holds it after
    /// the last part has finished.
    @inline(never)
    private func runPart(_ index: Int) {
        body?(index)
    }
}
