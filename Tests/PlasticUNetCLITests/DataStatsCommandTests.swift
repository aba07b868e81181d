import Foundation
import XCTest

final class DataStatsCommandTests: XCTestCase {
    /// S = 16 from --size: "1 25" covers 25 / 256 = 9.8% (class 1), "1 26" 10.2% (class 2),
    /// "1 256" everything (class 10).
    func testStatisticsFromTheTableAlone() throws {
        let folder = try makeTemporaryDirectory(for: self)
        try Data("id,rle_mask\na,\nb,1 25\nc,1 26\nd,1 256\n".utf8).write(to: folder.appendingPathComponent("train.csv"))
        try Data("id,z\na,40\nd,900\nx,1\n".utf8).write(to: folder.appendingPathComponent("depths.csv"))
        let text = try ToolRunner.run(["data", "stats", folder.path, "--size", "16"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, """
            samples: 4
            size: 16 x 16 (from --size, no image found)
            empty: 1 (25.00%)
            coverage classes 0..10: 1 1 1 0 0 0 0 0 0 0 1
            depth: 2 samples, 40 to 900

            """)
        let json = try ToolRunner.run(["data", "stats", folder.path, "--size", "16", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["coverage_classes"] as? [Int], [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(object["empty_fraction"] as? Double, 0.25)
        XCTAssertEqual(object["size"] as? Int, 16)
        XCTAssertEqual(object["depth_max"] as? Double, 900)
    }

    func testTheSizeComesFromTheImagesAndBadMasksStopTheCommand() throws {
        let fixture = try ToolRunner.run(["data", "stats", DataFixtures.folder("tgs-12-s32").path])
        XCTAssertEqual(fixture.status, 0, fixture.stderr)
        XCTAssertTrue(fixture.stdout.contains("samples: 12\nsize: 32 x 32 (from the images)\n"), fixture.stdout)
        let folder = try makeTemporaryDirectory(for: self)
        try Data("id,rle_mask\na,1 x\n".utf8).write(to: folder.appendingPathComponent("train.csv"))
        let bad = try ToolRunner.run(["data", "stats", folder.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "plastic-unet: error: a: rle_mask: token 2 \"x\" is not an integer\n")
    }
}
