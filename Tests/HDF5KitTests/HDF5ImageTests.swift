import Foundation
import HDF5Kit
import XCTest

/// Files opened from memory: the library reads the image in place, and what is opened from
/// it holds it.
final class HDF5ImageTests: XCTestCase {
    func testAnImageIsACollectionOfItsBytes() {
        let image = HDF5Image([1, 2, 3, 250])
        XCTAssertEqual(Array(image), [1, 2, 3, 250])
        XCTAssertEqual(image.count, 4)
        XCTAssertEqual(image.withContiguousStorageIfAvailable { Array($0) }, [1, 2, 3, 250])
        XCTAssertEqual(image.withUnsafeBytes { $0.count }, 4)
        XCTAssertTrue(HDF5Image([]).isEmpty)
    }

    /// 33 MiB, more than the C library keeps in its heap: memory freed too early would be
    /// returned to the system, and reading it would crash.
    func testObjectsOpenedFromAnImageHoldItAfterTheFileAndTheBytesAreGone() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("large.h5")
        let file = try HDF5File.create(at: url)
        var batch = HDF5DatasetBatch(deflateLevel: 0)
        let count = 33 << 17
        try batch.createDataset("x", in: try file.root.createGroup("g"), shape: [count],
                                values: (0..<count).map { Double($0 % 1000) })
        try batch.write(threads: 2)
        try file.close()
        let dataset = try HDF5Reading.direct.read(url).file.root.group("g").dataset("x")
        let values = try dataset.read(Double.self)
        XCTAssertEqual(values.count, count)
        XCTAssertEqual(values[count - 1], Double((count - 1) % 1000))
    }

    func testBytesWithASignatureThatTheLibraryCannotOpenThrow() {
        var bytes = [UInt8](repeating: 0, count: 512) + [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]
        bytes += [UInt8](repeating: 0xa5, count: 1000)
        XCTAssertThrowsError(try HDF5File.open(image: HDF5Image(bytes), name: "bad.h5")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.h5: open failed: "), "\(error)")
        }
    }
}
