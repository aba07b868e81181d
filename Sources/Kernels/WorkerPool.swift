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
/// A region's parts are claimed, each by one thread: the calling thread runs part 0 and
/// then claims whatever parts no worker has claimed yet, so a region never waits for a
/// worker that is busy or asleep, only for the parts that workers have started. Between
/// regions a worker runs the side jobs that callers queue (``SideJobs``), else spins for a
/// while, then sleeps on a condition variable. One region runs at a time; a region asked
/// for while another runs (from inside a task or a side job, or from another thread) runs
/// on Dispatch instead. Which thread runs a task or a job never changes a result (see
/// ``ParallelRunner``).
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
    /// another's part count.
    private let region = Atomic<Int>(0)
    /// The region's number times ``maximumParts`` plus its first unclaimed part: a thread
    /// claims a part by advancing it, which it can do only for the region it read.
    private let claims = Atomic<Int>(0)
    /// Parts of the current region that workers have finished.
    private let finishedByWorkers = Atomic<Int>(0)
    /// The region's body; written only while no worker of a region can read it.
    private var body: (@Sendable (Int) -> Void)?
    /// Side jobs waiting for a thread, oldest first.
    private let sideJobs = Mutex<[SideJob]>([])
    /// How many side jobs wait, read without the lock.
    private let waitingSideJobs = Atomic<Int>(0)
    /// Workers started so far.
    private let started = Atomic<Int>(0)
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
            finishedByWorkers.store(0, ordering: .relaxed)
            let number = region.load(ordering: .relaxed) / Self.maximumParts + 1
            claims.store(number * Self.maximumParts + 1, ordering: .relaxed)
            region.store(number * Self.maximumParts + parts, ordering: .releasing)
            wakeWorkers()
            part(0)
            var ranHere = 1
            while let claimed = claim(inRegion: number, parts: parts) {
                part(claimed)
                ranHere += 1
            }
            var spins = 0
            while finishedByWorkers.load(ordering: .acquiring) < parts - ranHere {
                spins += 1
                if spins > Self.spinsBeforeSleeping { sched_yield() }
            }
            body = nil
        }
    }

    /// Work queued between regions: `onWorker` says whether a worker runs it, or else the
    /// thread that takes it off the queue (``takeSideJob()``), outside any region, so that it
    /// may start regions of its own.
    typealias SideJob = @Sendable (_ onWorker: Bool) -> Void

    /// Queues `job` for the first worker that has nothing else to do.
    func queueSideJob(_ job: @escaping SideJob) {
        startWorkers(upTo: 1)
        sideJobs.withLock { $0.append(job) }
        waitingSideJobs.add(1, ordering: .releasing)
        wakeWorkers()
    }

    /// The oldest waiting side job, taken off the queue, or nil if none waits.
    func takeSideJob() -> SideJob? {
        guard waitingSideJobs.load(ordering: .acquiring) > 0 else { return nil }
        let job: SideJob? = sideJobs.withLock { jobs in
            jobs.isEmpty ? nil : jobs.removeFirst()
        }
        if job != nil { waitingSideJobs.subtract(1, ordering: .relaxed) }
        return job
    }

    /// The next unclaimed part of region `number`, now claimed, or nil if it has none left
    /// (or is over).
    private func claim(inRegion number: Int, parts: Int) -> Int? {
        var current = claims.load(ordering: .acquiring)
        while current / Self.maximumParts == number, current % Self.maximumParts < parts {
            let (exchanged, original) = claims.compareExchange(expected: current, desired: current + 1,
                                                              ordering: .acquiring)
            if exchanged { return current % Self.maximumParts }
            current = original
        }
        return nil
    }

    private func wakeWorkers() {
        pthread_mutex_lock(sleep)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(sleep)
    }

    /// Starts workers until there are `count`; they wait for the region after the current
    /// one.
    private func startWorkers(upTo count: Int) {
        while true {
            let current = started.load(ordering: .relaxed)
            guard current < count else { return }
            guard started.compareExchange(expected: current, desired: current + 1, ordering: .relaxed).exchanged else {
                continue
            }
            var thread = pthread_t()
            let start = UnsafeMutablePointer<Int>.allocate(capacity: 1)
            start.initialize(to: region.load(ordering: .relaxed))
            let created = pthread_create(&thread, nil, { argument in
                let pointer = argument!.assumingMemoryBound(to: Int.self)
                let seen = pointer.pointee
                pointer.deallocate()
                WorkerPool.shared.work(after: seen)
            }, start)
            precondition(created == 0, "cannot start a worker thread (error \(created))")
            pthread_detach(thread)
        }
    }

    /// Whether a worker that last saw region `seen` has nothing to do.
    private func isIdle(after seen: Int) -> Bool {
        region.load(ordering: .acquiring) == seen && waitingSideJobs.load(ordering: .acquiring) == 0
    }

    /// The loop of a worker: claims the parts of each region after `seen` (a value of
    /// ``region``) that are left, and between regions runs side jobs.
    private func work(after seen: Int) -> Never {
        var seen = seen
        while true {
            var spins = 0
            while isIdle(after: seen) && spins < Self.spinsBeforeSleeping {
                spins += 1
            }
            if isIdle(after: seen) {
                pthread_mutex_lock(sleep)
                while isIdle(after: seen) {
                    pthread_cond_wait(wake, sleep)
                }
                pthread_mutex_unlock(sleep)
            }
            let current = region.load(ordering: .acquiring)
            if current != seen {
                seen = current
                // A claimed part holds the region open until it is done, so the body read
                // below is this region's.
                while let claimed = claim(inRegion: current / Self.maximumParts,
                                          parts: current % Self.maximumParts) {
                    runPart(claimed)
                    finishedByWorkers.add(1, ordering: .releasing)
                }
            } else if let job = takeSideJob() {
                job(true)
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
