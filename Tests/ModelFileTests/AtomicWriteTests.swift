import Foundation
import ModelFile
import XCTest

final class AtomicWriteTests: XCTestCase {
    private func entries(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testContentsThatFailTheSchemaLeaveTheOldFileAndNoTemporaryFile() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let url = folder.appendingPathComponent("model.h5")
        try ModelFileWriter.write(ModelFileFixtures.trained(), to: url)
        let before = try Data(contentsOf: url)

        var noTrace = ModelFileFixtures.trained(rule: .hebb, alpha: .free, learnEta: false)
        noTrace.trace = nil
        XCTAssertThrowsError(try ModelFileWriter.write(noTrace, to: url)) { error in
            XCTAssertEqual("\(error)", "cannot write \(url.path): /trace: missing (required when rule is hebb or oja)")
        }
        var noDataset = ModelFileFixtures.trained()
        noDataset.dataset = nil
        XCTAssertThrowsError(try ModelFileWriter.write(noDataset, to: url)) { error in
            XCTAssertTrue("\(error)".contains("/dataset: missing (required when the file was written by training"),
                          "\(error)")
        }
        var badFingerprint = ModelFileFixtures.trained()
        badFingerprint.dataset?.fingerprint = "ABC"
        XCTAssertThrowsError(try ModelFileWriter.write(badFingerprint, to: url)) { error in
            XCTAssertTrue("\(error)".hasSuffix("/dataset: attribute fingerprint: not 64 lowercase hex digits"),
                          "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: url), before)
        XCTAssertEqual(try entries(of: folder), ["model.h5"])
    }
}
