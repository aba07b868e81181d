import FileOutput
import Foundation
import XCTest

final class OutputLockTests: XCTestCase {
    func testASecondWriterIsRefusedUntilTheFirstReleases() throws {
        let folder = try makeTemporaryFolder(for: self)
        let output = folder.appendingPathComponent("model.h5")
        guard case .held(let first) = try OutputLock.acquire(for: output, holder: "first writer") else {
            throw XCTSkip("this file system cannot lock")
        }
        XCTAssertThrowsError(try OutputLock.acquire(for: output, holder: "second writer")) { error in
            XCTAssertEqual("\(error)", "cannot write \(output.path): another process is writing it (first writer, "
                           + "pid \(getpid()))")
        }
        first.release()
        guard case .held(let second) = try OutputLock.acquire(for: output, holder: "second writer") else {
            return XCTFail("the lock was released")
        }
        second.release()
        XCTAssertEqual(try entries(of: folder), [".model.h5.lock"], "the lock file stays; the output is not made")
    }

    func testALockIsReleasedWhenItsHolderGoesAway() throws {
        let output = try makeTemporaryFolder(for: self).appendingPathComponent("x.h5")
        do {
            _ = try OutputLock.acquire(for: output, holder: "gone")
        }
        guard case .held(let lock) = try OutputLock.acquire(for: output, holder: "next") else {
            throw XCTSkip("this file system cannot lock")
        }
        lock.release()
    }
}
