import Foundation
import XCTest

/// What one run of the `plastic-unet` executable did.
struct ToolResult {
    /// The exit status (the signal's number when a signal ended the run).
    let status: Int32
    /// The signal that ended the run, nil when it exited.
    var signal: Int32? = nil
    /// Whether the run was killed for taking too long.
    var timedOut = false
    /// Everything written to standard output.
    let stdout: String
    /// Everything written to standard error.
    let stderr: String
}

/// Runs the `plastic-unet` executable built next to the test bundle.
enum ToolRunner {
    /// The folder the build wrote its products to (the test bundle's folder).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The executable under test.
    static var executable: URL { productsDirectory.appendingPathComponent("plastic-unet") }

    /// Starts the tool with `arguments`, its output discarded, and returns without waiting.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the tool with `arguments` in `directory`, with `environment` added to this
    /// process's, and waits for it to finish, or for `timeout` seconds at most (then it is
    /// killed). The variable `CI`, which CI runners set and which puts `regress` in CI mode,
    /// is cleared unless `environment` gives it: the tests record cases.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval? = nil) throws -> ToolResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["CI"] = nil
        process.environment = inherited.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        // Files, not pipes: a chatty child can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("plastic-unet-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if let timeout, finished.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            timedOut = true
            finished.wait()
        } else if timeout == nil {
            finished.wait()
        }
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return ToolResult(status: process.terminationStatus,
                          signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
                          timedOut: timedOut, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed when the test case ends.
func makeTemporaryDirectory(for testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("plastic-unet-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

extension ToolRunner {
    /// Starts the tool with `arguments`, waits until `file` exists (at most two minutes),
    /// sends `signal` and waits for the tool to end; fails the test when the tool ended
    /// before it could be signalled.
    static func interrupted(_ arguments: [String], once file: URL, with signal: Int32,
                            sourceFile: StaticString = #filePath, line: UInt = #line) throws -> Process {
        let process = try start(arguments)
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: file.path) && process.isRunning && Date() < deadline {
            usleep(2_000)
        }
        XCTAssertTrue(process.isRunning, "the tool ended before it could be interrupted", file: sourceFile, line: line)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process
    }
}
