import Foundation
import HDF5Kit
import XCTest

/// The chunks a batch filters outside the library are the chunks the library's own filters
/// store, and the files do not depend on the number of threads.
final class HDF5DatasetBatchTests: XCTestCase {
    /// Datasets of every numeric type and strings, one chunk or several, with edge chunks
    /// that are not full (1 MiB chunks: [300, 7, 129] float32 in 150-row chunks,
    /// [3, 50_000] float64 in 2-row chunks, [1, 300_001] float64 in 4 chunks along the last
    /// dimension), written by a batch on `threads` threads, or by the library when nil.
    private func writeSample(to url: URL, deflateLevel: Int, threads: Int?) throws {
        var state: UInt64 = 3
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        // Random bits, without the exponent of infinities and NaNs (which compare unequal).
        let floats = (0..<300 * 7 * 129).map { _ in
            Float(bitPattern: UInt32(truncatingIfNeeded: next()) & 0xbfff_ffff)
        }
        let smooth = (0..<150_000).map { Double($0 % 977) / 8 }
        let mixed = (0..<300_001).map { _ in Double(next() % 1000) - 500.5 }
        let integers = (0..<999).map { _ in Int64(bitPattern: next()) }
        let bytes = (0..<25).map { UInt8($0) }
        let strings = ["ids", "of", "ünïcode", ""]
        let file = try HDF5File.create(at: url)
        let group = try file.root.createGroup("g")
        if let threads {
            var batch = HDF5DatasetBatch(deflateLevel: deflateLevel)
            try batch.createDataset("f", in: group, shape: [300, 7, 129], values: floats)
            try batch.createDataset("d", in: group, shape: [3, 50_000], values: smooth)
            try batch.createDataset("e", in: file.root, shape: [1, 300_001], values: mixed)
            try batch.createDataset("i", in: group, shape: [999], values: integers)
            try batch.createDataset("b", in: group, shape: [5, 5], values: bytes)
            try batch.createDataset("empty", in: group, shape: [0, 4], values: [Float]())
            try batch.createDataset("s", in: group, strings: strings)
            try batch.write(threads: threads)
        } else {
            XCTAssertEqual(deflateLevel, HDF5Storage.deflateLevel, "the library path deflates at the default level")
            try group.createDataset("f", shape: [300, 7, 129], values: floats)
            try group.createDataset("d", shape: [3, 50_000], values: smooth)
            try file.root.createDataset("e", shape: [1, 300_001], values: mixed)
            try group.createDataset("i", shape: [999], values: integers)
            try group.createDataset("b", shape: [5, 5], values: bytes)
            try group.createDataset("empty", shape: [0, 4], values: [Float]())
            try group.createDataset("s", strings: strings)
        }
        try file.close()
    }

    private static let names = ["g/f", "g/d", "e", "g/i", "g/b", "g/empty", "g/s"]

    /// The stored bytes of every chunk of every dataset, in chunk order.
    private func storedChunks(_ url: URL) throws -> [String: [Data]] {
        let bytes = try Data(contentsOf: url)
        let root = try HDF5File.open(url).root
        var chunks: [String: [Data]] = [:]
        for name in Self.names {
            chunks[name] = try root.dataset(name).chunkLocations().map {
                bytes.subdata(in: $0.fileOffset..<$0.fileOffset + $0.byteCount)
            }
        }
        return chunks
    }

    func testTheBatchStoresTheLibrarysChunksByteForByte() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let library = folder.appendingPathComponent("library.h5"), batch = folder.appendingPathComponent("batch.h5")
        try writeSample(to: library, deflateLevel: HDF5Storage.deflateLevel, threads: nil)
        try writeSample(to: batch, deflateLevel: HDF5Storage.deflateLevel, threads: 2)
        let expected = try storedChunks(library), found = try storedChunks(batch)
        XCTAssertEqual(expected["g/f"]?.count, 2)
        XCTAssertEqual(expected["e"]?.count, 4)
        XCTAssertEqual(expected["g/empty"]?.count, 0)
        for name in Self.names {
            XCTAssertEqual(found[name], expected[name], name)
        }
        let libraryRoot = try HDF5File.open(library).root, batchRoot = try HDF5File.open(batch).root
        for name in Self.names {
            XCTAssertEqual(try batchRoot.dataset(name).readValues(), try libraryRoot.dataset(name).readValues(), name)
            XCTAssertEqual(try batchRoot.dataset(name).storage(), try libraryRoot.dataset(name).storage(), name)
        }
    }

    func testStoredDatasetsReadBackAndTheFileDoesNotDependOnTheThreads() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let files = [1, 2, 3].map { folder.appendingPathComponent("t\($0).h5") }
        for (threads, url) in zip([1, 2, 3], files) {
            try writeSample(to: url, deflateLevel: 0, threads: threads)
        }
        let first = try Data(contentsOf: files[0])
        for url in files.dropFirst() {
            XCTAssertEqual(try Data(contentsOf: url), first, url.lastPathComponent)
        }
        let root = try HDF5File.open(files[0]).root
        let library = folder.appendingPathComponent("library.h5")
        try writeSample(to: library, deflateLevel: HDF5Storage.deflateLevel, threads: nil)
        let libraryRoot = try HDF5File.open(library).root
        for name in Self.names {
            XCTAssertEqual(try root.dataset(name).readValues(), try libraryRoot.dataset(name).readValues(), name)
            XCTAssertEqual(try root.dataset(name).storage().filters, [.shuffle, .deflate(level: 0), .fletcher32], name)
        }
        // Level 0 stores the bytes as they are: a stream of stored blocks, a little longer.
        let stored = try root.dataset("g/f").chunkLocations().map(\.byteCount)
        XCTAssertEqual(stored.count, 2)
        XCTAssertTrue(stored.allSatisfy { $0 > 150 * 7 * 129 * 4 }, "\(stored)")
    }

    func testAShapeThatTheValuesDoNotFillIsRefused() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url, name: "model.h5")
        var batch = HDF5DatasetBatch()
        XCTAssertThrowsError(try batch.createDataset("bad", in: file.root, shape: [3], values: [Float(1)])) { error in
            XCTAssertEqual("\(error)", "model.h5: /bad: create failed: 1 values do not fill shape [3]")
        }
        try batch.write(threads: 2)
    }
}
