import Foundation
import TGSData
import TGSFiles
import XCTest

final class DataSetWriterTests: XCTestCase {
    func testWrittenFoldersLoadBackAsTheGeneratedDataSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("synth-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let generator = SyntheticSeismic(size: 16, seed: 2)
        try DataSetWriter.write(generator.samples(count: 6), to: folder)
        XCTAssertEqual(try DataSetLoader.load(from: folder), generator.dataSet(count: 6))
        XCTAssertEqual(try DataSetChecker.check(folder), [])
        XCTAssertThrowsError(try DataSetWriter.write(generator.samples(count: 1), to: folder)) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path): the folder is not empty")
        }
    }

    func testTheEmbeddedDefaultIsTheFixtureFolder() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/tgs-120")
        let loaded = try DataSetLoader.load(from: fixtures)
        XCTAssertEqual(loaded.samples.count, 120)
        XCTAssertEqual(loaded.size, 101)
        XCTAssertEqual(DataSet.embeddedDefault.fingerprint, loaded.fingerprint)
        XCTAssertTrue(DataSet.embeddedDefault == loaded, "the embedded samples differ from the fixture files")
    }
}
