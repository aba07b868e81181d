import Kernels
import Synchronization
import XCTest

/// Side jobs on the worker pool: each runs once, on one thread's kernels on a worker or on
/// the caller's kernels on the caller, and the caller's own parallel regions run to the same
/// results while the workers are busy with them.
final class SideJobsTests: XCTestCase {
    /// What the jobs of a test record: each job's runs and result, and the thread counts of
    /// the kernels they were given.
    private final class Record: Sendable {
        let results = Mutex<[Int: [Int]]>([:])
        let threadCounts = Mutex<Set<Int>>([])
    }

    /// The length of job `index`'s loop: jobs of different lengths, so that the caller gets
    /// ahead of the worker now and then.
    private static func length(_ index: Int) -> Int {
        (index % 7) * 2000
    }

    func testOneThreadKernelsHaveNoSideJobs() {
        XCTAssertNil(FastKernels(threadCount: 1).sideJobs())
        XCTAssertNil(ReferenceKernels().sideJobs())
        XCTAssertEqual(FastKernels(threadCount: 2).sideJobs()?.kernels.threadCount, 1)
        XCTAssertEqual(FastKernels(threadCount: 3).sideJobs()?.callerKernels.threadCount, 3)
    }

    func testEveryJobRunsOnceBeforeFinishReturns() throws {
        let jobs = try XCTUnwrap(FastKernels(threadCount: 2).sideJobs())
        let record = Record()
        for index in 0..<300 {
            jobs.add { kernels in
                record.threadCounts.withLock { _ = $0.insert(kernels.threadCount) }
                var sum = 0
                for term in 0..<Self.length(index) { sum += term }
                record.results.withLock { $0[index, default: []].append(sum) }
            }
        }
        jobs.finish()
        // Each job once, with 0 + 1 + ... + (n - 1) = n (n - 1) / 2.
        let expected = Dictionary(uniqueKeysWithValues: (0..<300).map { ($0, [Self.length($0) * (Self.length($0) - 1) / 2]) })
        XCTAssertEqual(record.results.withLock { $0 }, expected)
        // A worker's one thread, or the caller's two.
        XCTAssertTrue(record.threadCounts.withLock { $0 }.isSubset(of: [1, 2]))
    }

    func testAJobThatTheCallerRunsGetsTheCallersKernels() throws {
        let kernels = FastKernels(threadCount: 2)
        let released = Atomic<Bool>(false)
        let holderThreadCounts = Mutex<[Int]>([])
        // Holders, one per set of jobs so that none waits for another to finish: each that
        // a worker takes holds it until the last job has run, so the pool's workers (one per
        // thread of the most threads a test asks for, less one) all end up held and the
        // holders left over wait in the queue ahead of the last job.
        let holders = try (0..<Self.holderCount).map { _ in try XCTUnwrap(kernels.sideJobs()) }
        for holder in holders {
            holder.add { kernels in
                while kernels.threadCount == 1, !released.load(ordering: .acquiring) {}
                holderThreadCounts.withLock { $0.append(kernels.threadCount) }
            }
        }
        let jobs = try XCTUnwrap(kernels.sideJobs())
        let lastJobThreadCount = Atomic<Int>(0)
        jobs.add { kernels in
            lastJobThreadCount.store(kernels.threadCount, ordering: .relaxed)
            released.store(true, ordering: .releasing)
        }
        // No worker is free, so finish() runs the waiting holders and then the last job here.
        jobs.finish()
        for holder in holders { holder.finish() }
        XCTAssertEqual(lastJobThreadCount.load(ordering: .relaxed), 2)
        // The held ones had one thread; those left over ran here, on the caller's two.
        let counts = holderThreadCounts.withLock { $0 }
        XCTAssertEqual(counts.count, Self.holderCount)
        XCTAssertTrue(counts.contains(2), "some holder should have waited for a thread")
        XCTAssertTrue(Set(counts).isSubset(of: [1, 2]))
    }

    /// More holders than the pool has workers: no test runs on more than four threads.
    private static let holderCount = 8

    func testRegionsOfTheCallerGiveTheSameBitsWhileJobsRun() throws {
        var random = TestRandom(seed: 7)
        let input = random.tensor([8, 19, 23])
        let weight = random.tensor([12, 8, 3, 3])
        let bias = random.tensor([12])
        let expected = ReferenceKernels().convolve(input, weight: weight, bias: bias, padding: 1)
        let kernels = FastKernels(threadCount: 2)
        let jobs = try XCTUnwrap(kernels.sideJobs())
        let jobResults = Mutex<[Tensor]>([])
        for _ in 0..<40 {
            jobs.add { kernels in
                let output = kernels.convolve(input, weight: weight, bias: bias, padding: 1)
                jobResults.withLock { $0.append(output) }
            }
            // The caller's own two-thread convolution, between jobs that hold the worker.
            assertSameBits(kernels.convolve(input, weight: weight, bias: bias, padding: 1), expected)
        }
        jobs.finish()
        let results = jobResults.withLock { $0 }
        XCTAssertEqual(results.count, 40)
        for output in results {
            assertSameBits(output, expected)
        }
    }
}
