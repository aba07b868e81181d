import Foundation
import HDF5Kit
import XCTest

/// Model files for the command tests, made with the tool itself.
enum ModelFiles {
    /// The arguments of a small model (fast in debug builds).
    static let smallModel = ["--rule", "hebb", "--alpha", "free", "--width", "2", "--size", "32"]

    /// Runs `init` with `arguments` and `--out url`, and fails the test unless it succeeds.
    static func initialise(_ url: URL, _ arguments: [String] = smallModel, seed: Int = 1,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try ToolRunner.run(["init"] + arguments + ["--seed", "\(seed)", "--out", url.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    /// Opens the file for writing, applies `edit` to its root, and closes it.
    static func edit(_ url: URL, _ edit: (HDF5Group) throws -> Void) throws {
        let file = try HDF5File.open(url, mode: .readWrite)
        try edit(file.root)
        try file.close()
    }
}

/// Asserts that a run failed with exit status 2 and exactly one line on standard error,
/// `plastic-unet: error: ...` containing each of `fragments`, and printed nothing else.
func assertOneLineError(_ result: ToolResult, containing fragments: [String],
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNil(result.signal, "ended by signal \(result.signal ?? 0)", file: file, line: line)
    XCTAssertEqual(result.status, 2, result.stderr, file: file, line: line)
    XCTAssertEqual(result.stdout, "", file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("plastic-unet: error: "), result.stderr, file: file, line: line)
    XCTAssertTrue(result.stderr.hasSuffix("\n"), result.stderr, file: file, line: line)
    XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, result.stderr, file: file, line: line)
    for fragment in fragments {
        XCTAssertTrue(result.stderr.contains(fragment), "\(result.stderr) lacks \(fragment)", file: file, line: line)
    }
}
