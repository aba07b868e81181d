import Foundation
import XCTest

/// A fresh temporary folder, removed when the test case ends.
func makeTemporaryDirectory(for testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hdf5kit-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Runs `body` with the process's standard error sent to a file, and returns what was
/// written to it.
func capturingStandardError(_ body: () throws -> Void) rethrows -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let saved = dup(STDERR_FILENO)
    let capture = open(url.path, O_WRONLY)
    dup2(capture, STDERR_FILENO)
    close(capture)
    defer {
        dup2(saved, STDERR_FILENO)
        close(saved)
    }
    try body()
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}
