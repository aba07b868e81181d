import Foundation
import HDF5Kit
import XCTest

/// Files built in memory: their bytes are those the library writes to a file.
final class HDF5MemoryFileTests: XCTestCase {
    private func writeSample(into file: HDF5File) throws {
        try file.root.setAttribute("note", .string("sample"))
        let group = try file.root.createGroup("g")
        // 1.2 MB of float32 in two chunks, and strings.
        try group.createDataset("w", shape: [300, 1000], values: (0..<300_000).map { Float($0) / 3 })
        try group.createDataset("ids", strings: ["a", "bc"])
    }

    func testTheImageHoldsTheBytesOfTheSameFileWrittenAndSealedOnDisk() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("disk.h5")
        let onDisk = try HDF5File.create(at: url, sealable: true)
        try writeSample(into: onDisk)
        try onDisk.close()
        try HDF5Seal.seal(url, name: "disk.h5")

        let inMemory = try HDF5File.createInMemory(name: "memory.h5", sealable: true)
        try writeSample(into: inMemory)
        let image = try inMemory.closeAsImage()
        XCTAssertEqual(Array(image), Array(try Data(contentsOf: url)))
        XCTAssertEqual(HDF5FileBytes(bytes: Array(image), name: "memory.h5").seal, .intact)
        let read = try HDF5File.open(image: image, name: "memory.h5").root
        XCTAssertEqual(try read.dataset("g/w").read(Float.self)[299_999], Float(299_999) / 3)
        XCTAssertEqual(try read.dataset("g/ids").readStrings(), ["a", "bc"])
    }

    func testAnUnsealableFileHasNoUserBlock() throws {
        let file = try HDF5File.createInMemory(name: "plain.h5")
        try writeSample(into: file)
        let image = try file.closeAsImage()
        XCTAssertEqual(Array(image.prefix(4)), [0x89, 0x48, 0x44, 0x46])
        XCTAssertEqual(HDF5FileBytes(bytes: Array(image), name: "plain.h5").seal, .absent)
    }

    func testOnlyAClosedFileInMemoryGivesItsImage() throws {
        let file = try HDF5File.createInMemory(name: "open.h5")
        let group = try file.root.createGroup("g")
        XCTAssertThrowsError(try file.closeAsImage()) { error in
            XCTAssertEqual("\(error)", "open.h5: close failed: groups or datasets of the file are still open")
        }
        withExtendedLifetime(group) {}
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("disk.h5")
        XCTAssertThrowsError(try HDF5File.create(at: url, name: "disk.h5").closeAsImage()) { error in
            XCTAssertEqual("\(error)", "disk.h5: close failed: the file is not in memory")
        }
    }
}
