import Foundation
import ImageFiles
import TGSData
import TGSFiles
import XCTest

final class TrainMasksTests: XCTestCase {
    /// With S = 16 (256 pixels): 1 pixel is class 1, 25 are 9.8% (class 1), 26 are 10.2%
    /// (class 2), 230 are 89.8% (class 9), 231 are 90.2% (class 10).
    func testStatisticsFromTheTableAloneWithTheGivenSize() throws {
        let folder = try DataFolderBuilder(self)
        try folder.write("id,rle_mask\ne1,\ne2,\nk1,1 1\nk25,10 25\nk26,1 26\nk230,1 230\nk231,20 231\n", to: "train.csv")
        try folder.write("id,z\ne1,300\nk26,120\nunused,5\n", to: "depths.csv")
        let statistics = DataStatistics(try TrainMasks(from: folder.url, defaultSize: 16))
        XCTAssertEqual(statistics.count, 7)
        XCTAssertEqual(statistics.size, 16)
        XCTAssertEqual(statistics.sizeSource, .option)
        XCTAssertEqual(statistics.emptyCount, 2)
        XCTAssertEqual(statistics.emptyFraction, 2.0 / 7)
        XCTAssertEqual(statistics.coverageClasses, [2, 2, 1, 0, 0, 0, 0, 0, 0, 1, 1])
        XCTAssertEqual(statistics.depthCount, 2)
        XCTAssertEqual(statistics.depthMinimum, 120)
        XCTAssertEqual(statistics.depthMaximum, 300)
    }

    func testTheSizeComesFromAnImageWhenThereIsOne() throws {
        let folder = try DataFolderBuilder(self)
        try folder.image("b", width: 20, height: 20)
        try folder.write("id,rle_mask\na,1 1\nb,\n", to: "train.csv")
        let masks = try TrainMasks(from: folder.url, defaultSize: 16)
        XCTAssertEqual(masks.size, 20)
        XCTAssertEqual(masks.sizeSource, .images)
    }

    func testMaskImagesAreWrittenAndAFaultyMaskIsNamed() throws {
        let folder = try DataFolderBuilder(self)
        try folder.write("id,rle_mask\na,2 2\n", to: "train.csv")
        let out = folder.url.appendingPathComponent("out")
        try TrainMasks(from: folder.url, defaultSize: 16).writeMaskImages(to: out)
        let written = try PNGFile.read(out.appendingPathComponent("a.png"))
        XCTAssertEqual(written.pixels.enumerated().filter { $0.element == 255 }.map(\.offset), [16, 32])
        XCTAssertEqual(Set(written.pixels), [0, 255])
        try folder.write("id,rle_mask\na,2 2\nb,300 1\n", to: "train.csv")
        XCTAssertThrowsError(try TrainMasks(from: folder.url, defaultSize: 16)) { error in
            XCTAssertEqual("\(error)", "b: rle_mask: token 2 \"1\": the run from pixel 300 ends past the last pixel 256")
        }
    }
}
