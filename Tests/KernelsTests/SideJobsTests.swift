import Kernels
import Synchronization
import XCTest

/// Side jobs on the worker pool: each runs once, on one thread's kernels, and the caller's
/// own parallel regions run to the same results while the workers are busy with them.
final class SideJobsTests: XCTestCase {
    /// What the jobs of a test record: which jobs ran, how often, with how many threads.
    private final class Record: Sendable {
        let runs = Mutex<[Int: Int]>([:])
        let threadCounts = Mutex<Set<Int>>([])
    }

    func testOneThreadKernelsHaveNoSideJobs() {
        XCTAssertNil(FastKernels(threadCount: 1).sideJobs())
        XCTAssertNil(ReferenceKernels().sideJobs())
        XCTAssertEqual(FastKernels(threadCount: 2).sideJobs()?.kernels.threadCount, 1)
    }

    func testEveryJobRunsOnceOnOneThreadBeforeFinishReturns() throws {
        let jobs = try XCTUnwrap(FastKernels(threadCount: 2).sideJobs())
        let record = Record()
        for index in 0..<300 {
            jobs.add { kernels in
                record.threadCounts.withLock { _ = $0.insert(kernels.threadCount) }
                // Long enough for the caller to get ahead of the worker now and then.
                var sum = 0
                for step in 0..<(index % 7) * 2000 { sum &+= step }
                record.runs.withLock { $0[index, default: 0] += 1 + (sum == -1 ? 1 : 0) }
            }
        }
        jobs.finish()
        XCTAssertEqual(record.runs.withLock { $0 }, Dictionary(uniqueKeysWithValues: (0..<300).map { ($0, 1) }))
        XCTAssertEqual(record.threadCounts.withLock { $0 }, [1])
    }

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
