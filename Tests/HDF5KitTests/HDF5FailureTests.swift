import Foundation
import HDF5Kit
import XCTest

final class HDF5FailureTests: XCTestCase {
    /// Opening `url` throws one line naming the file and prints nothing.
    private func assertOpenFails(_ url: URL, mentioning expected: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        var message = ""
        let printed = try capturingStandardError {
            XCTAssertThrowsError(try HDF5File.open(url), file: file, line: line) { message = "\($0)" }
        }
        XCTAssertEqual(printed, "", file: file, line: line)
        XCTAssertTrue(message.hasPrefix(url.path + ": open failed: "), message, file: file, line: line)
        XCTAssertTrue(message.contains(expected), message, file: file, line: line)
        XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
    }

    func testGarbageEmptyMissingAndFolderPathsThrowOneLine() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let empty = folder.appendingPathComponent("empty.h5")
        try Data().write(to: empty)
        let png = folder.appendingPathComponent("image.h5")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x5A, count: 600)).write(to: png)
        try assertOpenFails(empty, mentioning: "not an HDF5 file")
        try assertOpenFails(png, mentioning: "not an HDF5 file")
        try assertOpenFails(folder.appendingPathComponent("missing.h5"), mentioning: "no such file")
        try assertOpenFails(folder, mentioning: "is a folder")
    }

    func testTruncatedFilesThrowInsteadOfCrashing() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let url = folder.appendingPathComponent("whole.h5")
        let file = try HDF5File.create(at: url)
        try file.root.createGroup("g").createDataset("x", shape: [100, 100], values: [Double](repeating: 1, count: 10_000))
        try file.close()
        let bytes = try Data(contentsOf: url)
        for length in [8, 100, bytes.count / 2, bytes.count - 10] {
            let truncated = folder.appendingPathComponent("cut-\(length).h5")
            try bytes.prefix(length).write(to: truncated)
            let printed = capturingStandardError {
                do {
                    let reopened = try HDF5File.open(truncated)
                    _ = try reopened.root.dataset("g/x").read(Double.self)
                    XCTFail("a file cut to \(length) bytes read")
                } catch let error as HDF5Error {
                    XCTAssertEqual(error.file, truncated.path)
                } catch {
                    XCTFail("\(error)")
                }
            }
            XCTAssertEqual(printed, "", "cut to \(length)")
        }
    }

    func testErrorsNameTheObject() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url)
        try file.root.createGroup("g").createDataset("x", shape: [2], values: [Float(1), 2])
        XCTAssertThrowsError(try HDF5File.create(at: url)) { error in
            XCTAssertTrue("\(error)".hasPrefix(url.path + ": create failed: "), "\(error)")
        }
        try file.close()
        let root = try HDF5File.open(url).root
        XCTAssertThrowsError(try root.dataset("g/missing")) { error in
            XCTAssertTrue("\(error)".hasPrefix(url.path + ": /g/missing: open failed: "), "\(error)")
        }
        XCTAssertThrowsError(try root.dataset("g/x").read(Double.self)) { error in
            XCTAssertEqual("\(error)", url.path + ": /g/x: read failed: stored as float32, not float64")
            XCTAssertEqual(error as? HDF5Error, .failed(file: url.path, object: "/g/x", operation: "read",
                                                        reason: "stored as float32, not float64"))
        }
        XCTAssertThrowsError(try root.dataset("g/x").readStrings())
        XCTAssertThrowsError(try root.createGroup("new")) { error in
            XCTAssertTrue("\(error)".hasPrefix(url.path + ": /new: create failed: "), "\(error)")
        }
        XCTAssertThrowsError(try root.group("g").createDataset("bad", shape: [3], values: [Float(1)])) { error in
            XCTAssertEqual("\(error)", url.path + ": /g/bad: create failed: 1 values do not fill shape [3]")
        }
        let missingFolder = url.deletingLastPathComponent().appendingPathComponent("no/such/folder/t.h5")
        XCTAssertThrowsError(try HDF5File.create(at: missingFolder)) { error in
            XCTAssertTrue("\(error)".hasPrefix(missingFolder.path + ": create failed: "), "\(error)")
        }
    }

    /// A file written under a temporary name reports errors under the name of the file it
    /// is to replace, the one the user knows.
    func testErrorsNameTheFileByTheNameGiven() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let temporary = folder.appendingPathComponent(".model.h5.tmp")
        let file = try HDF5File.create(at: temporary, name: "model.h5")
        XCTAssertEqual(file.path, "model.h5")
        XCTAssertThrowsError(try file.root.createDataset("bad", shape: [2], values: [Float(1)])) { error in
            XCTAssertEqual("\(error)", "model.h5: /bad: create failed: 1 values do not fill shape [2]")
        }
        try file.close()
        XCTAssertThrowsError(try HDF5File.create(at: folder.appendingPathComponent("no/t.h5"), name: "t.h5")) { error in
            XCTAssertEqual((error as? HDF5Error)?.file, "t.h5")
        }
        XCTAssertEqual(try HDF5File.open(temporary, name: "shown.h5").path, "shown.h5")
    }
}
