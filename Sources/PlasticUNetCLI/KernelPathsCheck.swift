import Checksums
import Foundation
import Kernels
import Regression

/// `regress check --kernels`: every selected case on each kernel path, in a child process
/// per path, then the paths' results compared field by field, to the bit.
struct KernelPathsCheck {
    /// The value of `--kernels` that means every path this CPU has.
    static let everyPath = "all"

    /// The cases and threads.
    let selection: CaseSelection
    /// The paths, in the order they run; the first is the one the others are compared with.
    let paths: [KernelPath]

    /// The paths that `value` (`all`, or names separated by commas) names.
    /// - Throws: ``CommandError/kernelPath(_:)`` for a path this CPU lacks.
    static func paths(_ value: String) throws -> [KernelPath] {
        guard value != everyPath else { return KernelPath.supported }
        var paths: [KernelPath] = []
        for name in value.split(separator: ",") {
            do throws(KernelPathError) {
                paths.append(try KernelPath(named: String(name)))
            } catch {
                throw CommandError.kernelPath(error)
            }
        }
        return paths
    }

    /// Writes the obtained record of the case at `url` into `folder`, under a name that
    /// the case's path alone gives.
    static func write(_ record: GoldenCase, of url: URL, into folder: URL) throws {
        try Data(GoldenCaseFile.text(of: record).utf8).write(to: fileName(of: url, in: folder))
    }

    /// Runs the children, prints their lines, compares the paths and keeps each case's
    /// obtained results beside it (those of the first path that fails it, or none).
    /// - Returns: the exit status: the worst of the children's, and 1 when paths disagree.
    func run() throws -> Int32 {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("plastic-unet-kernels-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var status: Int32 = 0
        for path in paths {
            let folder = scratch.appendingPathComponent(path.rawValue, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            status = max(status, try runChild(on: path, writingTo: folder, scratch: scratch))
        }
        var disagreeing = 0
        for (url, golden) in try CaseLoop.selected(selection) {
            let records = paths.compactMap { path in
                (try? GoldenCaseFile.read(Self.fileName(of: url, in: scratch.appendingPathComponent(path.rawValue))))
                    .map { (path: path, record: $0) }
            }
            // A path that could not check the case has said so, and set the status to 2.
            guard records.count == paths.count, let first = records.first else { continue }
            if !agree(records, first: first) { disagreeing += 1 }
            if let golden = try? golden.get() {
                let failing = records.first { !RegressionRun.comparison(of: golden, with: $0.record.runs).passed }
                try RegressionRun.keepObtained(failing?.record, of: url)
            }
        }
        let names = paths.map(\.rawValue).joined(separator: ", ")
        print(disagreeing == 0 ? "kernel paths \(names): every case gives the same results on each"
              : "kernel paths \(names): \(disagreeing) case\(disagreeing == 1 ? " differs" : "s differ") between paths")
        return disagreeing > 0 ? max(status, 1) : status
    }

    /// Whether every path's record equals the first's, field by field to the bit; prints
    /// each disagreement with its table.
    private func agree(_ records: [(path: KernelPath, record: GoldenCase)],
                       first: (path: KernelPath, record: GoldenCase)) -> Bool {
        var agreed = true
        for other in records.dropFirst() {
            let comparison = CaseComparison(expected: first.record.runs, obtained: other.record.runs,
                                            tolerances: GoldenTolerances(default: .init(atol: 0, rtol: 0)), exact: true,
                                            equivalence: [:])
            guard !comparison.passed else { continue }
            agreed = false
            print("DISAGREE \(first.record.name): kernel paths \(first.path.rawValue) and \(other.path.rawValue) give "
                  + "\(comparison.failureCount) of \(comparison.fieldCount) fields differently "
                  + "(expected: \(first.path.rawValue), obtained: \(other.path.rawValue))")
            for line in CaseCheckText.table(comparison.failures) { print(line) }
        }
        return agreed
    }

    /// Runs `regress check` on `path` in a child process, writing the obtained results into
    /// `folder`, prints its lines after the path's name, and returns its exit status (2
    /// when it did not exit).
    private func runChild(on path: KernelPath, writingTo folder: URL, scratch: URL) throws -> Int32 {
        let output = scratch.appendingPathComponent("\(path.rawValue).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = Bundle.main.executableURL
        process.arguments = ["regress", "check"] + selection.paths + selection.case.flatMap { ["--case", $0] }
            + (selection.threads.map { ["--threads", "\($0)"] } ?? []) + ["--obtained-to", folder.path]
        process.environment = ProcessInfo.processInfo.environment.merging([KernelPath.overrideVariable: path.rawValue])
        { $1 }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            print("[\(path.rawValue)] \(line)")
        }
        return process.terminationReason == .exit ? process.terminationStatus : 2
    }

    /// The file of the case at `url` in `folder`: the SHA-256 of its standardized path.
    private static func fileName(of url: URL, in folder: URL) -> URL {
        var hash = SHA256()
        hash.update(Data(url.standardizedFileURL.path.utf8))
        return folder.appendingPathComponent(hash.finalize().hex + ".json")
    }
}
