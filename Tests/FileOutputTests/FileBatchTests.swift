import FileOutput
import Foundation
import XCTest

final class FileBatchTests: XCTestCase {
    func testABatchWritesEveryFileIntoSeveralFolders() throws {
        let folder = try makeTemporaryFolder(for: self)
        let images = folder.appendingPathComponent("images"), masks = folder.appendingPathComponent("masks")
        try OutputFolder.make(images)
        try OutputFolder.make(masks)
        var batch = FileBatch()
        for index in 0..<5 {
            try batch.write([UInt8(index)], to: images.appendingPathComponent("\(index).png"))
            try batch.write("\(index)", to: masks.appendingPathComponent("\(index).txt"))
        }
        try batch.finish()
        XCTAssertEqual(try entries(of: images), (0..<5).map { "\($0).png" })
        XCTAssertEqual(try entries(of: masks), (0..<5).map { "\($0).txt" })
        XCTAssertEqual(try Data(contentsOf: images.appendingPathComponent("3.png")), Data([3]))
        XCTAssertEqual(try String(contentsOf: masks.appendingPathComponent("4.txt"), encoding: .utf8), "4")
    }

    func testAFailureInABatchKeepsTheFilesWrittenBeforeIt() throws {
        let folder = try makeTemporaryFolder(for: self)
        var batch = FileBatch()
        try batch.write("first", to: folder.appendingPathComponent("a.txt"))
        XCTAssertThrowsError(try batch.write("second", to: folder.appendingPathComponent("missing/b.txt")))
        XCTAssertEqual(try entries(of: folder), ["a.txt"])
    }
}
