import Foundation
import ImageFiles
import TGSData
import XCTest

final class PNGFileTests: XCTestCase {
    func testEightBitGrayIsReadSampleForSample() throws {
        let data = HandMadePNG.make(width: 3, height: 2, bitDepth: 8, colorType: .gray, rows: [[0, 7, 255], [128, 1, 254]])
        let image = try PNGFile.decode(data, name: "g.png")
        XCTAssertEqual(image, GrayImage(width: 3, height: 2, bytes: [0, 7, 255, 128, 1, 254]))
        let expected: [Float] = [0, 7, 255, 128, 1, 254].map { $0 / 255 }
        XCTAssertEqual(image.normalized, expected)
    }

    func testSixteenBitGrayKeepsAllSixteenBits() throws {
        let data = HandMadePNG.make(width: 2, height: 1, bitDepth: 16, colorType: .gray, rows: [[0x12, 0x34, 0xff, 0xff]])
        let image = try PNGFile.decode(data, name: "g16.png")
        XCTAssertEqual(image.bitDepth, 16)
        XCTAssertEqual(image.pixels, [0x1234, 0xffff])
        XCTAssertEqual(image.normalized, [Float(0x1234) / 65_535, 1])
    }

    func testLowBitDepthGrayIsScaledToEightBits() throws {
        let data = HandMadePNG.make(width: 8, height: 1, bitDepth: 1, colorType: .gray, rows: [[0b1010_0001]])
        XCTAssertEqual(try PNGFile.decode(data, name: "b.png").pixels, [255, 0, 255, 0, 0, 0, 0, 255])
    }

    /// Equal channels are a gray already; pure red has the Rec. 709 luminance 0.2126 in
    /// linear light, which is sRGB 0.4985, about 127 of 255.
    func testRGBBecomesLuminance() throws {
        let data = HandMadePNG.make(width: 2, height: 1, bitDepth: 8, colorType: .rgb, rows: [[90, 90, 90, 255, 0, 0]])
        let pixels = try PNGFile.decode(data, name: "c.png").pixels
        XCTAssertEqual(pixels[0], 90)
        XCTAssertEqual(Double(pixels[1]), 127, accuracy: 1)
    }

    func testPaletteAndAlphaImagesBecomeGray() throws {
        let palette = HandMadePNG.make(width: 2, height: 1, bitDepth: 8, colorType: .palette, rows: [[1, 0]],
                                       palette: [10, 10, 10, 200, 200, 200])
        XCTAssertEqual(try PNGFile.decode(palette, name: "p.png").pixels, [200, 10])
        // Gray + alpha: opaque keeps its gray, transparent is composited onto black.
        let grayAlpha = HandMadePNG.make(width: 2, height: 1, bitDepth: 8, colorType: .grayAlpha, rows: [[200, 255, 200, 0]])
        XCTAssertEqual(try PNGFile.decode(grayAlpha, name: "ga.png").pixels, [200, 0])
        let rgba = HandMadePNG.make(width: 1, height: 1, bitDepth: 8, colorType: .rgba, rows: [[60, 60, 60, 255]])
        XCTAssertEqual(try PNGFile.decode(rgba, name: "rgba.png").pixels, [60])
    }

    func testWritingAndReadingRoundTripsEightAndSixteenBits() throws {
        let folder = try temporaryFolder()
        let eight = GrayImage(width: 5, height: 3, bytes: (0..<15).map { UInt8($0 * 17) })
        let sixteen = GrayImage(width: 3, height: 5, bitDepth: 16, pixels: (0..<15).map { UInt16($0 * 4_369 + 3) })
        for image in [eight, sixteen] {
            let url = folder.appendingPathComponent("image\(image.bitDepth).png")
            try PNGFile.write(image, to: url)
            XCTAssertEqual(try PNGFile.read(url), image)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["image16.png", "image8.png"], "no temporary file is left behind")
    }

    func testFaultyFilesAreRefusedWithTheirName() throws {
        let good = HandMadePNG.make(width: 4, height: 4, bitDepth: 8, colorType: .gray, rows: Array(repeating: [1, 2, 3, 4], count: 4))
        assertRefused(good.prefix(good.count - 20), name: "cut.png", reason: "truncated PNG file")
        assertRefused(good.prefix(5), name: "short.png", reason: "not a PNG file")
        XCTAssertThrowsError(try PNGFile.decode(good.prefix(good.count - 20), name: "cut.png")) { error in
            XCTAssertEqual(error as? ImageFileError, .truncated(name: "cut.png", byteCount: good.count - 20))
        }
        assertRefused(Data("GIF89a, not at all a PNG".utf8), name: "gif.png", reason: "not a PNG file")
        var corrupted = good
        corrupted[40] ^= 0xff
        assertRefused(corrupted, name: "bad.png", reason: "")
        let missing = URL(fileURLWithPath: "/nonexistent-folder/none.png")
        XCTAssertThrowsError(try PNGFile.read(missing)) { error in
            XCTAssertEqual("\(error)", "cannot read /nonexistent-folder/none.png: no such file")
            XCTAssertEqual(error as? ImageFileError, .noSuchFile(name: missing.path))
        }
    }

    private func assertRefused(_ data: Data, name: String, reason: String, line: UInt = #line) {
        XCTAssertThrowsError(try PNGFile.decode(data, name: name), line: line) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("cannot read \(name): \(reason)"), text, line: line)
            XCTAssertFalse(text.contains("\n"), line: line)
        }
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("png-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
