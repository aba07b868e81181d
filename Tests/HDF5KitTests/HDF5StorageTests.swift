import Foundation
import HDF5Kit
import XCTest

final class HDF5StorageTests: XCTestCase {
    private func writeSample(to url: URL) throws {
        let file = try HDF5File.create(at: url, replacing: true)
        try file.root.setAttribute("note", .string("sample"))
        let group = try file.root.createGroup("g")
        try group.createDataset("w", shape: [40, 50], values: (0..<2000).map { Float($0) * 0.5 })
        try group.createDataset("ids", strings: ["a", "b"])
        try group.createDataset("empty", shape: [0], values: [Double]())
        try file.close()
    }

    func testEveryDatasetIsChunkedWithShuffleDeflateAndFletcher32() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        try writeSample(to: url)
        let group = try HDF5File.open(url).root.group("g")
        for name in ["w", "ids", "empty"] {
            let storage = try group.dataset(name).storage()
            XCTAssertEqual(storage.layout, .chunked, name)
            XCTAssertEqual(storage.filters, [.shuffle, .deflate(level: 1), .fletcher32], name)
            XCTAssertTrue(storage.hasStandardFilters, name)
        }
        XCTAssertEqual(try group.dataset("w").storage().chunkShape, [40, 50])
        XCTAssertEqual(try group.dataset("empty").storage().chunkShape, [1])
    }

    func testLargeChunksSplitTheirOuterDimensions() {
        // 256·256·9 float32 = 2,359,296 bytes: halved twice to 64·256·9·4 = 589,824 <= 1 MiB.
        XCTAssertEqual(HDF5Storage.chunkShape(for: [256, 256, 3, 3], elementBytes: 4), [64, 256, 3, 3])
        // 1 x 1 x 600,000 doubles: the ones stay, the last dimension halves to 75,000·8 bytes.
        XCTAssertEqual(HDF5Storage.chunkShape(for: [1, 1, 600_000], elementBytes: 8), [1, 1, 75_000])
        XCTAssertEqual(HDF5Storage.chunkShape(for: [0, 5], elementBytes: 4), [1, 5])
    }

    func testNoTimesAreStoredAndEqualContentsGiveEqualBytes() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let first = folder.appendingPathComponent("a.h5"), second = folder.appendingPathComponent("b.h5")
        try writeSample(to: first)
        try writeSample(to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
        let file = try HDF5File.open(first)
        for object in [file.root, try file.root.group("g"), try file.root.dataset("g/w")] as [HDF5Object] {
            XCTAssertEqual(try object.storedTimes(), [0, 0, 0, 0], object.path)
        }
    }

    func testAFlippedByteInAChunkFailsTheReadNamingFileAndDataset() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        try writeSample(to: url)
        let chunk = try XCTUnwrap(try HDF5File.open(url).root.dataset("g/w").chunkLocations().first)
        XCTAssertGreaterThan(chunk.byteCount, 0)
        var bytes = try Data(contentsOf: url)
        bytes[chunk.fileOffset + chunk.byteCount / 2] ^= 0x40
        try bytes.write(to: url)

        let dataset = try HDF5File.open(url).root.dataset("g/w")
        var message = ""
        let printed = try capturingStandardError {
            XCTAssertThrowsError(try dataset.read(Float.self)) { message = "\($0)" }
            XCTAssertThrowsError(try dataset.readAndDiscard())
        }
        XCTAssertEqual(printed, "")
        XCTAssertTrue(message.hasPrefix("\(url.path): /g/w: read failed: "), message)
        XCTAssertTrue(message.lowercased().contains("checksum"), message)
        XCTAssertFalse(message.contains("\n"), message)
        // The other datasets still read.
        XCTAssertEqual(try HDF5File.open(url).root.dataset("g/ids").readStrings(), ["a", "b"])
    }
}
