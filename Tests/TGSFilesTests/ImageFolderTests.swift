import Foundation
import ImageFiles
import TGSData
import TGSFiles
import XCTest

final class ImageFolderTests: XCTestCase {
    func testImagesComeSortedByIDBytesAndOtherFilesAreIgnored() throws {
        let folder = try DataFolderBuilder(self).url.appendingPathComponent("train/images")
        for (id, value) in [("b", 10), ("B", 20), ("a", 30)] {
            try PNGFile.write(GrayImage(width: 16, height: 16, bytes: [UInt8](repeating: UInt8(value), count: 256)),
                              to: folder.appendingPathComponent(id + ".png"))
        }
        try Data("notes".utf8).write(to: folder.appendingPathComponent("readme.txt"))
        let images = try ImageFolder.load(from: folder)
        XCTAssertEqual(images.map(\.id), ["B", "a", "b"])
        XCTAssertEqual(images.map { $0.image[0] }, [Float(20) / 255, Float(30) / 255, Float(10) / 255])
    }

    func testFoldersThatCannotBeUsedAreRefusedByName() throws {
        let folder = try DataFolderBuilder(self).url.appendingPathComponent("train/images")
        XCTAssertThrowsError(try ImageFolder.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "\(folder.path) holds no PNG image")
        }
        for (id, size) in [("a", 16), ("b", 16), ("c", 17)] {
            try PNGFile.write(GrayImage(width: size, height: size, bytes: [UInt8](repeating: 0, count: size * size)),
                              to: folder.appendingPathComponent(id + ".png"))
        }
        XCTAssertThrowsError(try ImageFolder.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "image \(folder.path)/c.png is 17 x 17, the other images are 16 x 16")
            XCTAssertEqual(error as? DataProblem, .image(path: folder.appendingPathComponent("c.png").path,
                                                         .otherSize(width: 17, height: 17, commonSize: 16)))
        }
        try Data("not a png".utf8).write(to: folder.appendingPathComponent("c.png"))
        XCTAssertThrowsError(try ImageFolder.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "cannot read \(folder.path)/c.png: not a PNG file")
        }
    }
}
