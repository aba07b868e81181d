import Foundation
import HDF5Kit
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

    func testAFailedRenameRemovesTheTemporaryFile() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let target = folder.appendingPathComponent("occupied.h5")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"),
                                                withIntermediateDirectories: true)
        XCTAssertThrowsError(try ModelFileWriter.write(ModelFileFixtures.trained(), to: target)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write \(target.path): rename: "), "\(error)")
        }
        XCTAssertEqual(try entries(of: folder), ["occupied.h5"])
        XCTAssertEqual(try entries(of: target), ["inside"])
    }

    func testAMissingFolderFailsWithoutCreatingAnything() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let target = folder.appendingPathComponent("gone/model.h5")
        XCTAssertThrowsError(try ModelFileWriter.write(ModelFileFixtures.trained(), to: target))
        XCTAssertEqual(try entries(of: folder), [])
    }

    /// An HDF5 error raised while the temporary file is written names the target, the file
    /// the caller knows.
    func testHDF5ErrorsAboutTheTemporaryFileNameTheTarget() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let target = folder.appendingPathComponent("out.h5")
        XCTAssertThrowsError(try AtomicFileReplacement.replace(target) { temporary in
            throw HDF5Error(file: temporary.path, object: "/x", operation: "write", reason: "disk full")
        }) { error in
            XCTAssertEqual((error as? HDF5Error)?.file, target.path)
            XCTAssertEqual((error as? HDF5Error)?.object, "/x")
        }
        XCTAssertEqual(try entries(of: folder), [])
    }
}
