import Foundation
import ParallelWork
import Synchronization
import XCTest

final class OrderedWorkTests: XCTestCase {
    private struct Failure: Error, Equatable {
        let item: Int
    }

    func testItemsAreConsumedInOrderOnAnyNumberOfThreads() throws {
        for threads in [1, 2, 3, 8] {
            var consumed: [Int] = []
            // Later items finish first: a thread that produced item 0 slowly holds the others back.
            try OrderedWork.run(count: 40, threads: threads, worker: {}) { index, _ in
                usleep(useconds_t((40 - index) * 50))
                return index * index
            } consume: { index, value in
                XCTAssertEqual(value, index * index)
                consumed.append(index)
            }
            XCTAssertEqual(consumed, Array(0..<40), "threads \(threads)")
        }
    }

    func testMapGivesTheValuesInTheOrderOfTheItems() throws {
        XCTAssertEqual(try OrderedWork.map(count: 100, threads: 4) { String($0) }, (0..<100).map(String.init))
        XCTAssertEqual(try OrderedWork.map(count: 0, threads: 4) { $0 }, [])
    }

    func testTheFirstFailingItemInOrderIsThrownAndNothingAfterItIsConsumed() {
        for threads in [1, 2, 4] {
            var consumed: [Int] = []
            XCTAssertThrowsError(try OrderedWork.run(count: 30, threads: threads, worker: {}) { index, _ in
                // Item 20 fails first in time; item 7, earlier in order, fails later.
                if index == 20 { throw Failure(item: 20) }
                if index == 7 {
                    usleep(20_000)
                    throw Failure(item: 7)
                }
                return index
            } consume: { index, _ in
                consumed.append(index)
            }) { error in
                XCTAssertEqual(error as? Failure, Failure(item: 7), "threads \(threads)")
            }
            XCTAssertEqual(consumed, Array(0..<7), "threads \(threads)")
        }
    }

    func testAConsumerThatThrowsStopsTheWork() {
        var consumed: [Int] = []
        XCTAssertThrowsError(try OrderedWork.run(count: 10, threads: 3, worker: {}) { index, _ in index } consume: {
            index, _ in
            if index == 4 { throw Failure(item: 4) }
            consumed.append(index)
        }) { error in
            XCTAssertEqual(error as? Failure, Failure(item: 4))
        }
        XCTAssertEqual(consumed, [0, 1, 2, 3])
    }

    func testEachThreadKeepsItsOwnWorkerAndWorkSpreadsOverThreads() throws {
        let workers = Mutex(0)
        let threadsSeen = Mutex(Set<String>())
        try OrderedWork.run(count: 64, threads: 4, worker: { workers.withLock { $0 += 1 } }) { index, _ in
            threadsSeen.withLock { _ = $0.insert("\(pthread_self())") }
            usleep(2_000)
            return index
        } consume: { _, _ in }
        XCTAssertEqual(workers.withLock { $0 }, 4)
        XCTAssertGreaterThan(threadsSeen.withLock { $0.count }, 1)
    }
}
