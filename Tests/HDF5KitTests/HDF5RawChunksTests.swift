import Foundation
import HDF5Kit
import XCTest

/// The decoding of stored chunks without the library gives exactly the library's values,
/// and finds a damaged chunk as the library does.
final class HDF5RawChunksTests: XCTestCase {
    /// Datasets large enough to be split into chunks, with edge chunks that are not full.
    func testDecodedChunksEqualTheLibrarysRead() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url)
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        // 1 MiB chunks: [300, 7, 129] float32 halves its first dimension into 150-row chunks
        // (150 · 7 · 129 · 4 bytes); [3, 50_000] float64 into chunks of 2 rows, the second
        // half empty; [1, 300_001] float64 splits its last dimension into 4 chunks of 75_001,
        // the last one short; [99_999] int64 is one chunk.
        let bits = (0..<300 * 7 * 129).map { _ in UInt32(truncatingIfNeeded: next()) }
        try file.root.createDataset("f", shape: [300, 7, 129], values: bits.map(Float.init(bitPattern:)))
        try file.root.createDataset("d", shape: [3, 50_000],
                                    values: (0..<150_000).map { _ in Double(Int64(bitPattern: next() << 11)) / 7 })
        try file.root.createDataset("e", shape: [1, 300_001],
                                    values: (0..<300_001).map { _ in Double(next() % 1000) - 500.5 })
        try file.root.createDataset("i", shape: [99_999], values: (0..<99_999).map { _ in Int64(bitPattern: next()) })
        try file.root.createDataset("b", shape: [5, 5], values: (0..<25).map { UInt8($0) })
        try file.root.createDataset("s", strings: ["not", "decoded"])
        try file.close()
        let root = try HDF5File.open(url).root
        for name in ["f", "d", "e", "i", "b"] {
            let dataset = try root.dataset(name)
            let chunks = try XCTUnwrap(try dataset.rawChunks(), name)
            let decoded = try chunks.values()
            let read = try XCTUnwrap(try dataset.readValues())
            // Compare bit patterns: NaNs of float data must match too.
            if case .floats(let x) = decoded, case .floats(let y) = read {
                XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), name)
            } else {
                XCTAssertEqual(decoded, read, name)
            }
        }
        XCTAssertEqual(try root.dataset("f").chunkLocations().count, 2)
        XCTAssertEqual(try root.dataset("d").chunkLocations().count, 2)
        XCTAssertEqual(try root.dataset("e").chunkLocations().count, 4)
        XCTAssertNil(try root.dataset("s").rawChunks(), "strings are left to the library")
    }

    func testADamagedChunkFailsItsChecksum() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url)
        try file.root.createDataset("x", shape: [64, 64], values: (0..<4096).map { Float($0) })
        try file.close()
        let chunk = try XCTUnwrap(try HDF5File.open(url).root.dataset("x").chunkLocations().first)
        var bytes = try Data(contentsOf: url)
        bytes[chunk.fileOffset + chunk.byteCount / 2] ^= 0x40
        try bytes.write(to: url)
        let chunks = try XCTUnwrap(try HDF5File.open(url).root.dataset("x").rawChunks())
        XCTAssertThrowsError(try chunks.values()) { error in
            XCTAssertEqual("\(error)", "\(url.path): /x: read failed: data error detected by Fletcher32 checksum")
        }
    }
}
