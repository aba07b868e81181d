import Foundation
import ImageFiles
import TGSData
import XCTest

/// A data folder assembled file by file in a temporary folder, removed after the test.
struct DataFolderBuilder {
    let url: URL

    init(_ testCase: XCTestCase) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tgs-data-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("train/images"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("train/masks"), withIntermediateDirectories: true)
        let url = url
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    }

    /// Writes `text` to `path` inside the folder.
    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(path))
    }

    /// Writes `train/images/ID.png`, 8-bit, whose pixel (x, y) is `value(x, y)`.
    func image(_ id: String, width: Int, height: Int, value: (Int, Int) -> UInt8 = { x, y in UInt8((x * 7 + y * 3) % 256) }) throws {
        let bytes = (0..<height).flatMap { y in (0..<width).map { x in value(x, y) } }
        try PNGFile.write(GrayImage(width: width, height: height, bytes: bytes), to: url.appendingPathComponent("train/images/\(id).png"))
    }

    /// Writes `train/masks/ID.png` (0 and 255) from a row-major 0/1 mask.
    func mask(_ id: String, width: Int, height: Int, salt: [UInt8]) throws {
        try PNGFile.write(GrayImage(width: width, height: height, mask: salt), to: url.appendingPathComponent("train/masks/\(id).png"))
    }
}
