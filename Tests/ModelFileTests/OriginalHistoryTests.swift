import Foundation
import HDF5Kit
import ModelFile
import XCTest

/// `/history/original`: an optional group that the writer writes and the reader reads
/// back, whose validation group takes series of any name, each checked against the
/// schema's rule for any child.
final class OriginalHistoryTests: XCTestCase {
    private let brokenSeal = "/: the seal does not match the file's bytes: the file was damaged, or changed by another "
        + "program"

    private func contents() -> ModelFileContents {
        var contents = ModelFileFixtures.trained()
        contents.originalHistory = OriginalHistoryRecord(
            sourceSHA256: String(repeating: "ab", count: 32), trainLoss: [0.7, 0.5, 0.25, .nan],
            validation: [.init(name: "all_losses", values: [0.6, 0.4]), .init(name: "scores", values: [0.1, 0.2, 0.3])])
        return contents
    }

    private func written(_ contents: ModelFileContents) throws -> URL {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("m.h5")
        try ModelFileWriter.write(contents, to: url)
        return url
    }

    func testTheOriginalHistoryRoundTrips() throws {
        let original = contents()
        let url = try written(original)
        let read = try ModelFileReader.read(url, using: .direct).contents
        XCTAssertEqual(read.originalHistory?.sourceSHA256, original.originalHistory?.sourceSHA256)
        XCTAssertEqual(read.originalHistory?.validation, original.originalHistory?.validation)
        XCTAssertEqual(read.originalHistory?.trainLoss.prefix(3), [0.7, 0.5, 0.25])
        XCTAssertTrue(read.originalHistory?.trainLoss.last?.isNaN ?? false)
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)), [])
        // Without it the group is absent, and the file is valid too.
        var plain = original
        plain.originalHistory = nil
        let plainURL = try written(plain)
        XCTAssertNil(try ModelFileReader.read(plainURL, using: .direct).contents.originalHistory)
        XCTAssertNil(try HDF5File.open(plainURL).root.kind(at: "history/original"))
    }

    func testEachValidationSeriesIsCheckedAndOtherNamesAreNot() throws {
        let url = try written(contents())
        let file = try HDF5File.open(url, mode: .readWrite)
        try file.root.group("history/original/validation").createDataset("ints", shape: [2], values: [Int64(1), 2])
        try file.root.group("history/original/validation").createDataset("matrix", shape: [1, 2], values: [0.5, 0.25])
        try file.root.group("history/original").dataset("train_loss").setAttribute("note", .string("x"))
        try file.close()
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description), [
            brokenSeal,
            "/history/original/train_loss: unexpected attribute note",
            "/history/original/validation/ints: dtype int64, expected float64",
            "/history/original/validation/matrix: shape [1, 2], expected [series_length]",
        ])
    }

    func testTheGroupNeedsItsLossesAndItsSource() throws {
        let url = try written(contents())
        let file = try HDF5File.open(url, mode: .readWrite)
        try file.root.group("history/original").removeLink("train_loss")
        try file.close()
        XCTAssertEqual(try ModelFileValidator.validate(HDF5Reading.direct.read(url)).map(\.description),
                       [brokenSeal, "/history/original/train_loss: missing"])
    }
}
