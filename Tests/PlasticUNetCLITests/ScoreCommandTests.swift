import Foundation
import ImageFiles
import TGSData
import XCTest

final class ScoreCommandTests: XCTestCase {
    private func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// 16 x 16 masks: a passes 5 thresholds (IoU 3/4), b 10 (both empty), c and d none
    /// (exactly one side empty): score 15 / 40.
    private func tables(in folder: URL) throws -> (truth: URL, prediction: URL) {
        let truth = folder.appendingPathComponent("truth.csv"), prediction = folder.appendingPathComponent("pred.csv")
        try write("id,rle_mask\na,1 4\nb,\nc,10 2\nd,\n", to: truth)
        try write("id,rle_mask\r\nd,5 1\r\nc,\r\nb,\r\na,1 3\r\n", to: prediction)
        return (truth, prediction)
    }

    func testAScoreCountedByHand() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (truth, prediction) = try tables(in: folder)
        let json = folder.appendingPathComponent("report.json"), perImage = folder.appendingPathComponent("images.csv")
        let result = try ToolRunner.run(["score", "--truth", truth.path, "--pred", prediction.path, "--size", "16",
                                         "--json", json.path, "--per-image", perImage.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("masks    4 images of 16 x 16\nscore    0.3750 (masks as given)\n"),
                      result.stdout)
        let report = try EvaluationFixtures.jsonObject(json)
        XCTAssertEqual(report["score"] as? Double, 0.375)
        XCTAssertEqual(report["kind"] as? String, "submission")
        XCTAssertTrue(report["threshold"] is NSNull)
        XCTAssertNil(report["sweep"])
        XCTAssertNil(report["loss"])
        // a passes 0.50 ... 0.70, b all: 2 of 4 images up to 0.70, 1 of 4 above.
        XCTAssertEqual((report["precision"] as? [[String: Any]])?.map { $0["fraction"] as? Double },
                       [0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25])
        XCTAssertEqual(try String(contentsOf: perImage, encoding: .utf8), """
            id,coverage_class,truth_pixels,predicted_pixels,intersection,union,passed_thresholds,score,loss
            a,1,4,3,3,4,5,0.5,
            b,0,0,0,0,0,10,1.0,
            c,1,2,0,0,2,0,0.0,
            d,0,0,1,0,1,0,0.0,

            """)
        try EvaluationFixtures.checkReport(json, perImage: perImage, in: folder)
    }

    func testPredictedImagesAreMasksOrProbabilityMapsAboveTheThreshold() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (truth, _) = try tables(in: folder)
        let images = folder.appendingPathComponent("pred")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        // Column-major pixels 1...4 are the first four rows of column 0. a: 200, 200, 200, 100
        // (all salt as masks, IoU 1; at 0.5 only the first three, IoU 3/4); b empty; c and d
        // one pixel of 100 (salt as masks only).
        func image(_ values: [Int: UInt8]) -> GrayImage {
            var bytes = [UInt8](repeating: 0, count: 256)
            for (row, value) in values { bytes[row * 16] = value }
            return GrayImage(width: 16, height: 16, bytes: bytes)
        }
        try PNGFile.write(image([0: 200, 1: 200, 2: 200, 3: 100]), to: images.appendingPathComponent("a.png"))
        try PNGFile.write(image([:]), to: images.appendingPathComponent("b.png"))
        // c's truth is pixels 10 and 11 (rows 9 and 10 of column 0).
        try PNGFile.write(image([9: 100]), to: images.appendingPathComponent("c.png"))
        try PNGFile.write(image([9: 100]), to: images.appendingPathComponent("d.png"))
        let masks = try ToolRunner.run(["score", "--truth", truth.path, "--pred", images.path])
        XCTAssertEqual(masks.status, 0, masks.stderr)
        // a 10, b 10, c IoU 1/2: 0, d 0.
        XCTAssertTrue(masks.stdout.contains("score    0.5000 (masks as given)"), masks.stdout)
        let maps = try ToolRunner.run(["score", "--truth", truth.path, "--pred", images.path, "--threshold", "0.5"])
        XCTAssertEqual(maps.status, 0, maps.stderr)
        // a 5, b 10, c 0 (nothing predicted), d 10 (nothing predicted).
        XCTAssertTrue(maps.stdout.contains("score    0.6250 at threshold 0.50"), maps.stdout)
        let table = try ToolRunner.run(["score", "--truth", truth.path, "--pred", truth.path, "--threshold", "0.5"])
        assertOneLineError(table, containing: ["--threshold applies only to a folder"])
        let wrongSize = try ToolRunner.run(["score", "--truth", truth.path, "--pred", images.path, "--size", "20"])
        assertOneLineError(wrongSize, containing: ["the masks in \(images.path) are 16 x 16"])
    }

    func testMissingIDsAreNamed() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (truth, _) = try tables(in: folder)
        let prediction = folder.appendingPathComponent("short.csv")
        try write("id,rle_mask\nb,\nx,\n", to: prediction)
        let result = try ToolRunner.run(["score", "--truth", truth.path, "--pred", prediction.path, "--size", "16"])
        assertOneLineError(result, containing: ["3 ids missing from \(prediction.path): a, c, d",
                                                "1 id missing from \(truth.path): x"])
    }

    func testMalformedTablesAreNamedByLineAndNothingIsWritten() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let (truth, _) = try tables(in: folder)
        let json = folder.appendingPathComponent("report.json")
        for (text, fragment) in [("id,rle_mask\na,1 4\nb,1 2,3\n", ":3: expected 2 fields"),
                                 ("id,rle_mask\na,4 1 2 1\n", "a: rle_mask: token 3"),
                                 ("id,pixels\n", ":1: the header must be id,rle_mask")] {
            let prediction = folder.appendingPathComponent("bad.csv")
            try write(text, to: prediction)
            let result = try ToolRunner.run(["score", "--truth", truth.path, "--pred", prediction.path, "--size", "16",
                                             "--json", json.path])
            assertOneLineError(result, containing: [fragment])
        }
        let missing = folder.appendingPathComponent("missing.csv")
        assertOneLineError(try ToolRunner.run(["score", "--truth", truth.path, "--pred", missing.path]),
                           containing: ["cannot read \(missing.path)"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: json.path))
    }
}
