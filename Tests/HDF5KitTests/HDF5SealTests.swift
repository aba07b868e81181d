import Foundation
import HDF5Kit
import XCTest

final class HDF5SealTests: XCTestCase {
    private func sealedFile() throws -> URL {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("s.h5")
        let file = try HDF5File.create(at: url, sealable: true)
        try file.root.createDataset("x", shape: [100], values: (0..<100).map(Float.init))
        try file.close()
        try HDF5Seal.seal(url, name: "s.h5")
        return url
    }

    func testASealedFileIsIntactAndOpensFromItsBytes() throws {
        let url = try sealedFile()
        let bytes = try HDF5FileBytes(url)
        XCTAssertEqual(bytes.seal, .intact)
        let header = String(decoding: bytes.bytes.prefix(19), as: UTF8.self)
        XCTAssertEqual(header, "plastic-unet seal 1")
        XCTAssertEqual(try HDF5Reading.direct.parse(bytes).file.root.dataset("x").read(Float.self), (0..<100).map(Float.init))
        XCTAssertEqual(try HDF5File.open(url).root.dataset("x").read(Float.self).count, 100,
                       "the library skips the seal")
    }

    /// Chunk locations count from the start of the file, seal included: every chunk of a
    /// sealed file's deflated dataset starts there with a zlib header (the compression
    /// method 8 in its low bits, the first two bytes a multiple of 31), and its bytes decode.
    func testChunkLocationsOfASealedFilePointAtTheChunks() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("c.h5")
        let file = try HDF5File.create(at: url, sealable: true)
        // Several chunks, the last one short.
        try file.root.createDataset("x", shape: [4, 300_000], values: (0..<1_200_000).map { Float($0 % 977) })
        try file.close()
        try HDF5Seal.seal(url, name: "c.h5")
        let bytes = Array(try Data(contentsOf: url))
        let chunks = try HDF5File.open(url).root.dataset("x").chunkLocations()
        XCTAssertGreaterThan(chunks.count, 1)
        for chunk in chunks {
            XCTAssertLessThanOrEqual(chunk.fileOffset + chunk.byteCount, bytes.count)
            let (first, second) = (Int(bytes[chunk.fileOffset]), Int(bytes[chunk.fileOffset + 1]))
            XCTAssertEqual(first & 0x0F, 8, "offset \(chunk.fileOffset)")
            XCTAssertEqual((first * 256 + second) % 31, 0, "offset \(chunk.fileOffset)")
        }
    }

    func testAnyChangedByteBreaksTheSealAndAFileWithoutOneHasNone() throws {
        let url = try sealedFile()
        var bytes = Array(try Data(contentsOf: url))
        for offset in [512, bytes.count / 2, bytes.count - 1] {
            var changed = bytes
            changed[offset] ^= 1
            XCTAssertEqual(HDF5FileBytes(bytes: changed, name: "x").seal, .broken, "offset \(offset)")
        }
        bytes.removeLast()
        XCTAssertEqual(HDF5FileBytes(bytes: bytes, name: "x").seal, .broken, "a truncated file")
        let plain = try makeTemporaryDirectory(for: self).appendingPathComponent("p.h5")
        try HDF5File.create(at: plain).close()
        XCTAssertEqual(try HDF5FileBytes(plain).seal, .absent)
        XCTAssertThrowsError(try HDF5Seal.seal(plain, name: "p.h5")) { error in
            XCTAssertEqual("\(error)", "p.h5: seal failed: the file has no user block")
        }
    }

    func testTheChecksumIsTheStandardCRC32() {
        // The check value of CRC-32 (the one of zlib and PNG): "123456789" gives cbf43926.
        var bytes = Array("plastic-unet seal 1\nlength 9\ncrc32 cbf43926\n".utf8)
        bytes += [UInt8](repeating: 0, count: HDF5Seal.userBlockSize - bytes.count) + Array("123456789".utf8)
        XCTAssertEqual(HDF5Seal.state(of: HDF5Image(bytes)), .intact)
        bytes[bytes.count - 1] = UInt8(ascii: "8")
        XCTAssertEqual(HDF5Seal.state(of: HDF5Image(bytes)), .broken)
    }

    func testAFileLargerThanAReadBlockIsSealedOverAllItsBytes() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("large.h5")
        let file = try HDF5File.create(at: url, sealable: true)
        // 3 MiB of float64 that compress little: the seal reads the file in blocks of 1 MiB.
        var state: UInt64 = 1
        try file.root.createDataset("x", shape: [393_216], values: (0..<393_216).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1
            return Double(bitPattern: state >> 2)
        })
        try file.close()
        try HDF5Seal.seal(url, name: "large.h5")
        let bytes = try HDF5FileBytes(url)
        XCTAssertGreaterThan(bytes.bytes.count, 2 << 20)
        XCTAssertEqual(bytes.seal, .intact)
    }

    func testBytesThatAreNotHDF5AreRefusedBeforeTheLibrarySeesThem() throws {
        let text = HDF5Image(Array("not an hdf5 file".utf8))
        XCTAssertThrowsError(try HDF5File.open(image: text, name: "t.txt")) { error in
            XCTAssertEqual("\(error)", "t.txt: open failed: not an HDF5 file")
        }
        let folder = try makeTemporaryDirectory(for: self)
        XCTAssertThrowsError(try HDF5FileBytes(folder)) { XCTAssertTrue("\($0)".hasSuffix("open failed: is a folder")) }
        XCTAssertThrowsError(try HDF5FileBytes(folder.appendingPathComponent("none.h5"))) {
            XCTAssertTrue("\($0)".hasSuffix("open failed: no such file"))
        }
    }
}
