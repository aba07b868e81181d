import Foundation
import TGSData
import TGSFiles
import XCTest

final class RunLengthTableTests: XCTestCase {
    func testATableReadsBackWhatItsTextWrites() throws {
        // 4 x 4, column-major numbering: pixels 2, 3 (column 0) and 16 (the last one).
        var mask = [UInt8](repeating: 0, count: 16)
        mask[1 * 4 + 0] = 1
        mask[2 * 4 + 0] = 1
        mask[3 * 4 + 3] = 1
        let entries = [IdentifiedMask(id: "b,1", mask: mask), IdentifiedMask(id: "a", mask: [UInt8](repeating: 0, count: 16))]
        let text = RunLengthTable.text(of: entries, size: 4)
        XCTAssertEqual(text, "id,rle_mask\n\"b,1\",2 2 16 1\na,\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rle-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        XCTAssertEqual(try RunLengthTable.read(url, size: 4), entries)
    }

    func testProblemsNameTheFileAndLineOrTheID() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rle-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        for (text, expected) in [("id,rle_mask\na,1 2\na,\n", "sub.csv:3: duplicate id \"a\" (first on line 2)"),
                                 ("id,mask\na,1 2\n", "sub.csv:1: the header must be id,rle_mask, found id,mask"),
                                 ("id,rle_mask\na,15 3\n", "a: rle_mask: token 2 \"3\": the run from pixel 15 ends past the last pixel 16")] {
            try Data(text.utf8).write(to: url)
            XCTAssertThrowsError(try RunLengthTable.read(url, size: 4, name: "sub.csv")) { error in
                XCTAssertEqual("\(error)", expected)
            }
        }
    }
}
