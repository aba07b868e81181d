import Foundation
import XCTest

/// What a run of another program did.
struct ExternalResult {
    /// The exit status.
    let status: Int32
    /// Standard output and standard error, interleaved.
    let output: String
}

/// Runs `executable` (a path, or a name looked up on PATH) with `arguments`, its output
/// going to a file in `folder`, and waits for it to finish.
func runExternal(_ executable: String, _ arguments: [String], in folder: URL) throws -> ExternalResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = folder.appendingPathComponent("output-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return ExternalResult(status: process.terminationStatus, output: try String(contentsOf: output, encoding: .utf8))
}

/// Skips the calling test when an outside tool it needs is missing; where the environment
/// says the tools must be there (`PLASTIC_UNET_REQUIRE_TOOLS=1`, as `.ci/run` sets), the
/// test fails instead.
func requireExternalTool(_ description: String, isAvailable: Bool, file: StaticString = #filePath,
                         line: UInt = #line) throws {
    guard !isAvailable else { return }
    let message = "\(description) is not available"
    if ProcessInfo.processInfo.environment["PLASTIC_UNET_REQUIRE_TOOLS"] == "1" {
        XCTFail(message + " (PLASTIC_UNET_REQUIRE_TOOLS=1)", file: file, line: line)
    }
    throw XCTSkip(message)
}
