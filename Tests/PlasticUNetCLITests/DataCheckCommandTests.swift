import Foundation
import XCTest

final class DataCheckCommandTests: XCTestCase {
    func testACleanFolderExitsZero() throws {
        let run = try ToolRunner.run(["data", "check", DataFixtures.folder("tgs-12-s32").path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("tgs-12-s32: no problems\n"), run.stdout)
    }

    func testEveryProblemIsListedAndTheExitCodeIsOne() throws {
        let folder = try DataFixtures.copy("tgs-12-s32", for: self)
        let table = folder.appendingPathComponent("train.csv")
        var rows = try String(contentsOf: table, encoding: .utf8).split(separator: "\n").map(String.init)
        let truncatedID = String(rows[1].prefix { $0 != "," })
        let oddID = String(rows[2].prefix { $0 != "," })
        let pastEndID = String(rows[3].prefix { $0 != "," })
        let wrongMaskID = String(rows[4].prefix { $0 != "," })
        rows[2] = oddID + ",1 2 3"
        rows[3] = pastEndID + ",1020 10"
        rows.append("../escape,")
        let bigMask = try XCTUnwrap(FileManager.default.contentsOfDirectory(
            at: DataFixtures.folder("tgs-120").appendingPathComponent("train/masks"), includingPropertiesForKeys: nil).first)
        let wrongMask = folder.appendingPathComponent("train/masks/\(wrongMaskID).png")
        try FileManager.default.removeItem(at: wrongMask)
        try FileManager.default.copyItem(at: bigMask, to: wrongMask)
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: table)
        let image = folder.appendingPathComponent("train/images/\(truncatedID).png")
        try Data(contentsOf: image).prefix(40).write(to: image)
        let run = try ToolRunner.run(["data", "check", folder.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "\(truncatedID): cannot read train/images/\(truncatedID).png: truncated PNG file (40 bytes, no complete IEND chunk)",
            "\(oddID): rle_mask: odd number of tokens (3): token 3 \"3\" is a start without a length",
            "\(pastEndID): rle_mask: token 2 \"10\": the run from pixel 1020 ends past the last pixel 1024",
            "\(wrongMaskID): mask train/masks/\(wrongMaskID).png is 101 x 101, its image should be 32 x 32",
            "train.csv:14: id \"../escape\" is not a file-name stem (no \"/\", \"\\\" or \"..\")",
            "\(folder.path): 5 problems",
        ])
    }

    func testAFolderWithoutTrainCSVExitsTwo() throws {
        let empty = try makeTemporaryDirectory(for: self)
        let run = try ToolRunner.run(["data", "check", empty.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "plastic-unet: error: \(empty.path) is not a data folder (it has no train.csv)\n")
    }
}
