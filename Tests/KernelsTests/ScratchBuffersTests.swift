import Foundation
import Kernels
import Synchronization
import XCTest

/// The scratch store: a buffer given back serves the next borrower that fits in it, and
/// no more than the retained limit is kept.
final class ScratchBuffersTests: XCTestCase {
    func testAGivenBackBufferServesTheNextBorrowerThatFits() {
        let store = ScratchBuffers(retainedLimit: 1000)
        let first = store.borrow(count: 100) { buffer -> UnsafeMutablePointer<Float>? in
            XCTAssertEqual(buffer.count, 100)
            buffer.initialize(repeating: 7)
            return buffer.baseAddress
        }
        XCTAssertEqual(store.idleScalars, 100)
        let smaller = store.borrow(count: 60) { buffer -> UnsafeMutablePointer<Float>? in
            XCTAssertEqual(buffer.count, 60)
            XCTAssertEqual(store.idleScalars, 0, "the only idle buffer is borrowed")
            return buffer.baseAddress
        }
        XCTAssertEqual(smaller, first)
        let larger = store.borrow(count: 101) { buffer -> UnsafeMutablePointer<Float>? in
            XCTAssertEqual(store.idleScalars, 100, "a buffer too small stays idle")
            return buffer.baseAddress
        }
        XCTAssertNotEqual(larger, first)
        XCTAssertEqual(store.idleScalars, 201)
    }

    func testTheSmallestFittingBufferIsLent() {
        let store = ScratchBuffers(retainedLimit: 1000)
        let (large, small) = store.borrow(count: 300) { large in
            store.borrow(count: 50) { small in (large.baseAddress, small.baseAddress) }
        }
        XCTAssertEqual(store.borrow(count: 40) { $0.baseAddress }, small)
        XCTAssertEqual(store.borrow(count: 51) { $0.baseAddress }, large)
    }

    func testNoMoreThanTheRetainedLimitIsKept() {
        let store = ScratchBuffers(retainedLimit: 250)
        store.borrow(count: 500) { _ in }
        XCTAssertEqual(store.idleScalars, 0, "a buffer past the limit is freed")
        store.borrow(count: 200) { _ in
            store.borrow(count: 100) { _ in }
        }
        XCTAssertEqual(store.idleScalars, 200, "the largest buffers that fit the limit are kept")
    }

    func testConcurrentBorrowersGetDisjointBuffers() {
        let store = ScratchBuffers(retainedLimit: 1 << 16)
        let failures = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            store.borrow(count: 64 + index % 7) { buffer in
                buffer.initialize(repeating: Float(index))
                // Another borrower of the same memory would overwrite it meanwhile.
                for _ in 0..<100 where buffer.contains(where: { $0 != Float(index) }) {
                    failures.add(1, ordering: .relaxed)
                    return
                }
            }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
    }
}
