import Foundation
import Regression
import XCTest

/// Finding and reading case files: what cannot be used is refused with a case a caller
/// can switch on.
final class GoldenCaseFileTests: XCTestCase {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("golden-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testMissingPathsAndFoldersWithoutCasesAreRefused() throws {
        let folder = try temporaryFolder()
        let missing = folder.appendingPathComponent("none").path
        XCTAssertThrowsError(try GoldenCaseFile.cases(at: [missing])) { error in
            XCTAssertEqual(error as? RegressionError, .noSuchPath(missing))
            XCTAssertEqual("\(error)", "\(missing): no such file or folder")
        }
        XCTAssertThrowsError(try GoldenCaseFile.cases(at: [folder.path])) { error in
            XCTAssertEqual(error as? RegressionError, .noCases(folder: folder.path))
        }
    }

    func testAFileThatIsNotACaseIsRefusedNamingIt() throws {
        let file = try temporaryFolder().appendingPathComponent("case.json")
        try Data("{".utf8).write(to: file)
        XCTAssertThrowsError(try GoldenCaseFile.read(file)) { error in
            XCTAssertEqual(error as? RegressionError, .notAGoldenCase(file: file.path, reason: "not valid JSON"))
            XCTAssertEqual("\(error)", "\(file.path): not a golden case (not valid JSON)")
        }
    }
}
