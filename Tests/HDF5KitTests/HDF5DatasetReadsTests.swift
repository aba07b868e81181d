import Foundation
import HDF5Kit
import XCTest

/// Reading many datasets at once gives what reading each gives, in the order asked.
final class HDF5DatasetReadsTests: XCTestCase {
    private func sampleFile() throws -> HDF5File {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url, name: "t.h5")
        let group = try file.root.createGroup("g")
        // [600, 1000] float32 takes three chunks, the last one short.
        try group.createDataset("big", shape: [600, 1000], values: (0..<600_000).map { Float($0) / 7 })
        try group.createDataset("small", shape: [2, 3], values: [Float(1), 2, 3, 4, 5, 6])
        try file.root.createDataset("empty", shape: [0], values: [Float]())
        try file.root.createDataset("double", shape: [2], values: [1.5, 2.5])
        try file.close()
        return try HDF5File.open(url, name: "t.h5")
    }

    func testEveryDatasetIsReadAsItsOwnReadReadsIt() throws {
        let root = try sampleFile().root
        let paths = ["g/small", "empty", "g/big", "g/small"]
        for threads in [1, 2, 3] {
            let read = try root.read(Float.self, datasets: paths, threads: threads)
            XCTAssertEqual(read.map(\.shape), [[2, 3], [0], [600, 1000], [2, 3]])
            XCTAssertEqual(read.map(\.elements), try paths.map { try root.dataset($0).read(Float.self) })
        }
        XCTAssertEqual(try root.group("g").read(Float.self, datasets: ["small"], threads: 2).first?.elements,
                       [1, 2, 3, 4, 5, 6])
    }

    func testTheFirstDatasetThatCannotBeReadNamesTheError() throws {
        let root = try sampleFile().root
        XCTAssertThrowsError(try root.read(Float.self, datasets: ["g/big", "double", "missing"], threads: 2)) {
            XCTAssertEqual("\($0)", "t.h5: /double: read failed: stored as float64, not float32")
        }
        XCTAssertThrowsError(try root.read(Float.self, datasets: ["g/small", "missing", "double"], threads: 2)) {
            XCTAssertTrue("\($0)".hasPrefix("t.h5: /missing: open failed: "), "\($0)")
        }
    }
}
