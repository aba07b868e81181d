import FileOutput
import Foundation
import XCTest

final class StagedFilesTests: XCTestCase {
    func testNothingAppearsUnderItsNameBeforeTheCommit() throws {
        let folder = try makeTemporaryFolder(for: self)
        let old = folder.appendingPathComponent("1.png")
        try Data("old".utf8).write(to: old)
        var staged = StagedFiles()
        for index in 0..<3 {
            try staged.stage([UInt8(index)], as: folder.appendingPathComponent("\(index).png"))
        }
        try staged.stage("0,1 2\n", as: folder.appendingPathComponent("submission.csv"))
        XCTAssertEqual(staged.count, 4)
        XCTAssertEqual(try entries(of: folder).filter { !$0.hasPrefix(".") }, ["1.png"])
        XCTAssertEqual(try Data(contentsOf: old), Data("old".utf8))
        try staged.commit()
        XCTAssertEqual(try entries(of: folder), ["0.png", "1.png", "2.png", "submission.csv"])
        XCTAssertEqual(try Data(contentsOf: old), Data([1]))
        XCTAssertEqual(staged.count, 0)
    }

    func testDiscardLeavesTheFolderAsItWas() throws {
        let folder = try makeTemporaryFolder(for: self)
        let old = folder.appendingPathComponent("a.png")
        try Data("old".utf8).write(to: old)
        var staged = StagedFiles()
        try staged.stage([1, 2, 3], as: old)
        try staged.stage([4], as: folder.appendingPathComponent("b.png"))
        staged.discard()
        XCTAssertEqual(try entries(of: folder), ["a.png"])
        XCTAssertEqual(try Data(contentsOf: old), Data("old".utf8))
    }

    func testAMissingFolderIsNamedAndNothingIsStaged() throws {
        let folder = try makeTemporaryFolder(for: self)
        var staged = StagedFiles()
        XCTAssertThrowsError(try staged.stage([1], as: folder.appendingPathComponent("missing/a.png"))) { error in
            XCTAssertTrue("\(error)".contains("missing/a.png"), "\(error)")
        }
        XCTAssertEqual(staged.count, 0)
        XCTAssertEqual(try entries(of: folder), [])
    }
}
