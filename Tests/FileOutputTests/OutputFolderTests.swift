import FileOutput
import Foundation
import XCTest

final class OutputFolderTests: XCTestCase {
    func testMakeCreatesParentsAndAcceptsAnExistingFolder() throws {
        let folder = try makeTemporaryFolder(for: self)
        let deep = folder.appendingPathComponent("a/b/c")
        try OutputFolder.make(deep)
        try OutputFolder.make(deep)
        var isFolder: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: deep.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    func testMakeRefusesAFileInThePlaceOfAFolder() throws {
        let folder = try makeTemporaryFolder(for: self)
        let file = folder.appendingPathComponent("plots")
        try AtomicFile.write("x", to: file)
        XCTAssertThrowsError(try OutputFolder.make(file.appendingPathComponent("inner"))) { error in
            XCTAssertEqual("\(error)", "cannot write \(file.path)/inner: \(file.path) is a file, not a folder")
        }
    }

    func testMakeEmptyRefusesAFolderThatHoldsFiles() throws {
        let folder = try makeTemporaryFolder(for: self)
        try OutputFolder.makeEmpty(folder)
        try AtomicFile.write("x", to: folder.appendingPathComponent("train.csv"))
        XCTAssertThrowsError(try OutputFolder.makeEmpty(folder)) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path): the folder is not empty")
        }
    }

    func testRequireParentNamesTheFileAndItsMissingFolder() throws {
        let folder = try makeTemporaryFolder(for: self)
        try OutputFolder.requireParent(of: folder.appendingPathComponent("report.json"))
        let orphan = folder.appendingPathComponent("none/report.json")
        XCTAssertThrowsError(try OutputFolder.requireParent(of: orphan)) { error in
            XCTAssertEqual("\(error)", "cannot write \(orphan.path): its folder \(folder.path)/none does not exist")
        }
    }
}
