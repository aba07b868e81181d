import FileOutput
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWritingReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let folder = try makeTemporaryFolder(for: self)
        let target = folder.appendingPathComponent("report.json")
        try AtomicFile.write("old", to: target)
        try AtomicFile.write("new text\n", to: target)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "new text\n")
        try AtomicFile.write([0, 255, 7], to: target)
        XCTAssertEqual(try Data(contentsOf: target), Data([0, 255, 7]))
        XCTAssertEqual(try entries(of: folder), ["report.json"])
    }

    func testAFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws {
        struct Refused: Error {}
        let folder = try makeTemporaryFolder(for: self)
        let target = folder.appendingPathComponent("model.h5")
        try AtomicFile.write("old", to: target)
        XCTAssertThrowsError(try AtomicFile.replace(target) { temporary in
            try Data("half".utf8).write(to: temporary)
            XCTAssertEqual(temporary.deletingLastPathComponent().path, folder.path, "the temporary file is a sibling")
            throw Refused()
        }) { error in
            XCTAssertTrue(error is Refused, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(try entries(of: folder), ["model.h5"])
    }

    func testAFailedRenameNamesTheTargetAndTheSystemsReason() throws {
        let folder = try makeTemporaryFolder(for: self)
        let target = folder.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"),
                                                withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("x", to: target)) { error in
            let failure = error as? FileWriteError
            XCTAssertEqual(failure?.path, target.path)
            XCTAssertTrue([EISDIR, ENOTEMPTY, EEXIST].contains(failure?.code ?? 0), "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(target.path): rename: "), "\(error)")
        }
        XCTAssertEqual(try entries(of: folder), ["occupied"])
        XCTAssertEqual(try entries(of: target), ["inside"])
    }

    func testAMissingFolderIsRefusedWithoutCreatingAnything() throws {
        let folder = try makeTemporaryFolder(for: self)
        let target = folder.appendingPathComponent("gone/out.csv")
        XCTAssertThrowsError(try AtomicFile.write("x", to: target)) { error in
            XCTAssertEqual("\(error)", "cannot write \(target.path): its folder \(folder.path)/gone does not exist")
        }
        XCTAssertEqual(try entries(of: folder), [])
    }

    /// A write the system refuses keeps its reason: here the file-size limit (EFBIG), the
    /// nearest a test gets to a full disk without mounting one.
    func testAWriteTheSystemRefusesKeepsTheErrorNumber() throws {
        let folder = try makeTemporaryFolder(for: self)
        let target = folder.appendingPathComponent("big.bin")
        try AtomicFile.write("old", to: target)
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = 1024
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
            signal(SIGXFSZ, previousHandler)
        }
        XCTAssertThrowsError(try AtomicFile.write([UInt8](repeating: 1, count: 4096), to: target)) { error in
            XCTAssertEqual((error as? FileWriteError)?.code, EFBIG, "\(error)")
            XCTAssertEqual("\(error)", "cannot write \(target.path): write: \(String(cString: strerror(EFBIG)))")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "old")
        XCTAssertEqual(try entries(of: folder), ["big.bin"])
    }
}
