import Foundation
import ImageFiles
import TGSData
import TGSFiles
import XCTest

final class DataSetFingerprintTests: XCTestCase {
    /// The value comes from Python, following docs/DATA.md:
    /// `part = lambda i, v, m: i.encode() + b'\0' + struct.pack('<f', v) + bytes([m])`,
    /// `hashlib.sha256(part('B', .25, 1) + part('a', 1., 0) + part('é', 0., 1)).hexdigest()`
    /// (ids in UTF-8 byte order: "B" < "a" < "é").
    func testFingerprintFollowsItsDefinition() {
        let samples = [
            Sample(id: "é", image: [0], mask: [1], depth: nil),
            Sample(id: "a", image: [1], mask: [0], depth: 3),
            Sample(id: "B", image: [0.25], mask: [1], depth: nil),
        ]
        let expected = "52c130229e7895f5007c24a54cfa67e6ff6ba4724d15a7241b09b2dc2fb0e857"
        XCTAssertEqual(DataSet(size: 1, samples: samples).fingerprint, expected)
        XCTAssertEqual(DataSet(size: 1, samples: samples.reversed()).fingerprint, expected, "order does not matter")
        let otherDepth = samples.map { Sample(id: $0.id, image: $0.image, mask: $0.mask, depth: 7) }
        XCTAssertEqual(DataSet(size: 1, samples: otherDepth).fingerprint, expected, "depths are not included")
        let otherMask = [Sample(id: "é", image: [0], mask: [0], depth: nil)] + samples.dropFirst()
        XCTAssertNotEqual(DataSet(size: 1, samples: otherMask).fingerprint, expected)
    }

    /// Two folders with the same pictures, one with 8-bit images and its rows in one
    /// order, the other with 16-bit images and its rows reversed, have one fingerprint.
    func testFingerprintIgnoresRowOrderAndPNGEncoding() throws {
        let first = try DataFolderBuilder(self), second = try DataFolderBuilder(self)
        for id in ["p", "q"] {
            let bytes = (0..<256).map { UInt8($0 % 2 == 0 ? 0 : 255) }
            try PNGFile.write(GrayImage(width: 16, height: 16, bytes: bytes), to: first.url.appendingPathComponent("train/images/\(id).png"))
            try PNGFile.write(GrayImage(width: 16, height: 16, bitDepth: 16, pixels: bytes.map { $0 == 0 ? 0 : 65_535 }),
                              to: second.url.appendingPathComponent("train/images/\(id).png"))
        }
        try first.write("id,rle_mask\np,1 5\nq,\n", to: "train.csv")
        try second.write("id,rle_mask\r\nq,\r\np,\"1 5\"\r\n", to: "train.csv")
        let a = try DataSetLoader.load(from: first.url), b = try DataSetLoader.load(from: second.url)
        XCTAssertEqual(a.samples.map(\.id), ["p", "q"])
        XCTAssertEqual(b.samples.map(\.id), ["q", "p"])
        XCTAssertEqual(a.fingerprint, b.fingerprint)
    }
}
