import Foundation
import ImageFiles
import TGSData
import TGSFiles
import XCTest

final class DataSetLoaderTests: XCTestCase {
    func testLoadsImagesMasksAndDepthsInTableOrder() throws {
        let folder = try DataFolderBuilder(self)
        for id in ["b", "a", "c"] { try folder.image(id, width: 16, height: 16) }
        // Pixels 1-3 are the top three of column 0: row-major 0, 16 and 32.
        var salt = [UInt8](repeating: 0, count: 256)
        for pixel in [0, 16, 32] { salt[pixel] = 1 }
        try folder.mask("b", width: 16, height: 16, salt: salt)
        try folder.write("id,rle_mask\nb,1 3\na,1 3\nc,\n", to: "train.csv")
        try folder.write("id,z\na,12.5\nb,700\nzzz,1\n", to: "depths.csv")
        let data = try DataSetLoader.load(from: folder.url)
        XCTAssertEqual(data.size, 16)
        XCTAssertEqual(data.samples.map(\.id), ["b", "a", "c"])
        XCTAssertEqual(data.samples.map(\.depth), [700, 12.5, nil])
        XCTAssertEqual(data.sample(id: "a")?.mask, salt)
        XCTAssertEqual(data.sample(id: "b")?.mask, salt)
        XCTAssertEqual(data.sample(id: "c")?.mask, [UInt8](repeating: 0, count: 256))
        // Pixel (x, y) = (3, 2) holds (3 * 7 + 2 * 3) = 27.
        XCTAssertEqual(data.sample(id: "a")?.image[2 * 16 + 3], Float(27) / 255)
        XCTAssertNil(data.sample(id: "zzz"))
    }

    func testSixteenBitImagesAreNormalisedByTheirOwnMaximum() throws {
        let folder = try DataFolderBuilder(self)
        let pixels = (0..<256).map { UInt16($0 * 257) }
        try PNGFile.write(GrayImage(width: 16, height: 16, bitDepth: 16, pixels: pixels),
                          to: folder.url.appendingPathComponent("train/images/deep.png"))
        try folder.write("id,rle_mask\ndeep,\n", to: "train.csv")
        let image = try XCTUnwrap(DataSetLoader.load(from: folder.url).sample(id: "deep")?.image)
        XCTAssertEqual(image[255], 1)
        XCTAssertEqual(image[1], Float(257) / 65_535)
    }

    /// RFC 4180: quoted fields with commas and doubled quotes, CRLF, no final line end.
    func testTablesFollowRFC4180() throws {
        let folder = try DataFolderBuilder(self)
        let odd = "we,ird \"x\""
        try folder.image(odd, width: 16, height: 16)
        try folder.image("plain", width: 16, height: 16)
        try folder.write("id,rle_mask\r\n\"we,ird \"\"x\"\"\",\"1 2\"\r\nplain,", to: "train.csv")
        let data = try DataSetLoader.load(from: folder.url)
        XCTAssertEqual(data.samples.map(\.id), [odd, "plain"])
        XCTAssertEqual(data.sample(id: odd)?.mask.count(where: { $0 == 1 }), 2)
    }

    /// The acceptance list of faults: each is named by `check`, in the order of the rows,
    /// and loading refuses the folder with the first of them, word for word.
    func testEveryProblemIsListedAndLoadingRefusesTheFirst() throws {
        let folder = try DataFolderBuilder(self)
        for id in ["good", "wrongmask", "pastend", "odd", "disagree"] { try folder.image(id, width: 16, height: 16) }
        try folder.image("skewed", width: 16, height: 18)
        try folder.image("big", width: 20, height: 20)
        try folder.image("tiny", width: 8, height: 8)
        try Data([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]).write(to: folder.url.appendingPathComponent("train/images/cut.png"))
        try folder.mask("wrongmask", width: 16, height: 17, salt: [UInt8](repeating: 0, count: 16 * 17))
        try folder.mask("disagree", width: 16, height: 16, salt: [UInt8](repeating: 0, count: 256))
        try folder.write("""
            id,rle_mask
            good,1 3
            cut,
            wrongmask,
            pastend,250 10
            odd,1 2 3
            ../evil,
            good,
            skewed,
            big,
            tiny,
            disagree,5 2
            missing,
            three,1 1,extra

            """, to: "train.csv")
        try folder.write("id,z\ngood,deep\n", to: "depths.csv")
        let expected = [
            "cut: cannot read train/images/cut.png: truncated PNG file (12 bytes, no complete IEND chunk)",
            "wrongmask: mask train/masks/wrongmask.png is 16 x 17, its image should be 16 x 16",
            "pastend: rle_mask: token 2 \"10\": the run from pixel 250 ends past the last pixel 256",
            "odd: rle_mask: odd number of tokens (3): token 3 \"3\" is a start without a length",
            "train.csv:7: id \"../evil\" is not a file-name stem (no \"/\", \"\\\" or \"..\")",
            "train.csv:8: duplicate id \"good\" (first on line 2)",
            "skewed: image train/images/skewed.png is 16 x 18, not square",
            "big: image train/images/big.png is 20 x 20, the other images are 16 x 16",
            "tiny: image train/images/tiny.png is 8 x 8, smaller than 16 x 16",
            "disagree: mask train/masks/disagree.png and rle_mask differ in 2 pixels",
            "missing: cannot read train/images/missing.png: no such file",
            "train.csv:14: expected 2 fields (id,rle_mask), found 3",
            "depths.csv:2: z \"deep\" is not a number",
        ]
        XCTAssertEqual(try DataSetChecker.check(folder.url).map(\.description), expected)
        XCTAssertThrowsError(try DataSetLoader.load(from: folder.url)) { error in
            XCTAssertEqual("\(error)", expected[0])
        }
    }

    /// Each fault on its own: `check` names it alone and loading refuses with its words.
    func testEachFaultAloneIsRefusedWithItsCheckMessage() throws {
        let faults: [(String, (DataFolderBuilder) throws -> Void, String)] = [
            ("id,rle_mask\na,\nb,\n", { folder in
                let image = folder.url.appendingPathComponent("train/images/a.png")
                try Data(contentsOf: image).prefix(30).write(to: image)
            }, "a: cannot read train/images/a.png: truncated PNG file (30 bytes, no complete IEND chunk)"),
            ("id,rle_mask\na,\nb,\n", { try $0.mask("a", width: 17, height: 16, salt: [UInt8](repeating: 0, count: 272)) },
             "a: mask train/masks/a.png is 17 x 16, its image should be 16 x 16"),
            ("id,rle_mask\na,250 10\nb,\n", { _ in }, "a: rle_mask: token 2 \"10\": the run from pixel 250 ends past the last pixel 256"),
            ("id,rle_mask\na,1 2 3\nb,\n", { _ in }, "a: rle_mask: odd number of tokens (3): token 3 \"3\" is a start without a length"),
            ("id,rle_mask\n../a,\nb,\n", { _ in }, "train.csv:2: id \"../a\" is not a file-name stem (no \"/\", \"\\\" or \"..\")"),
        ]
        for (table, damage, message) in faults {
            let folder = try DataFolderBuilder(self)
            for id in ["a", "b"] { try folder.image(id, width: 16, height: 16) }
            try folder.write(table, to: "train.csv")
            XCTAssertNoThrow(try damage(folder))
            XCTAssertEqual(try DataSetChecker.check(folder.url).map(\.description), [message])
            XCTAssertThrowsError(try DataSetLoader.load(from: folder.url)) { XCTAssertEqual("\($0)", message) }
        }
    }

    func testTableSyntaxErrorsNameTheLine() throws {
        let cases = [
            ("id,mask\n", "train.csv:1: the header must be id,rle_mask, found id,mask"),
            ("", "train.csv: the file is empty; it must start with the header id,rle_mask"),
            ("id,rle_mask\n", "train.csv: no samples (only the header)"),
            ("id,rle_mask\na,1 1\nb,\"1 1\nc,\n", "train.csv:3: a quoted field is not closed"),
            ("id,rle_mask\na,1 \"1\"\n", "train.csv:2: a quote inside an unquoted field"),
            ("id,rle_mask\n\"a\"x,\n", "train.csv:2: text after the closing quote of a field"),
        ]
        for (table, message) in cases {
            let folder = try DataFolderBuilder(self)
            try folder.write(table, to: "train.csv")
            XCTAssertEqual(try DataSetChecker.check(folder.url).map(\.description), [message], table)
            XCTAssertThrowsError(try DataSetLoader.load(from: folder.url)) { XCTAssertEqual("\($0)", message) }
        }
    }

    func testAFolderWithoutTrainCSVIsNotADataFolder() throws {
        let folder = try DataFolderBuilder(self)
        let expected = "\(folder.url.path) is not a data folder (it has no train.csv)"
        XCTAssertThrowsError(try DataSetChecker.check(folder.url)) { XCTAssertEqual("\($0)", expected) }
        XCTAssertThrowsError(try DataSetLoader.load(from: folder.url)) { XCTAssertEqual("\($0)", expected) }
        do throws(DataProblem) {
            _ = try DataSetChecker.check(folder.url)
            XCTFail("checked a folder without train.csv")
        } catch {
            XCTAssertEqual(error, .notADataFolder(path: folder.url.path))
        }
    }
}
