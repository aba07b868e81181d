import Foundation
import XCTest

/// `plastic-unet git-diff` as git's external diff driver, set up as the README says, in a
/// repository of the test's own.
final class GitDiffCommandTests: XCTestCase {
    private var repository: URL!

    override func setUpWithError() throws {
        repository = try makeTemporaryDirectory(for: self)
        try requireExternalTool("git", isAvailable: try runExternal("git", ["--version"], in: repository).status == 0)
        try git(["init", "-q"])
        try Data("*.h5 diff=plastic-unet\n".utf8).write(to: repository.appendingPathComponent(".gitattributes"))
        try git(["config", "diff.plastic-unet.command", ToolRunner.executable.path + " git-diff"])
    }

    /// Runs git in the repository as a fixed author; fails the test unless it exits 0.
    @discardableResult
    private func git(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try runExternal("git", ["-C", repository.path, "-c", "user.name=test", "-c", "user.email=t@t",
                                             "-c", "core.pager=cat"] + arguments, in: repository)
        XCTAssertEqual(result.status, 0, "git \(arguments): \(result.output)", file: file, line: line)
        return result.output
    }

    private func train(_ options: [String]) throws {
        let data = PackageFiles.url("fixtures/tgs-12-s32").path
        let result = try ToolRunner.run(["train", "--data", data] + options)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// A model trained one more epoch shows its config change and what moved; a model
    /// moved to another name is compared with its old self; an added copy, a deleted model
    /// and .h5 files that are not HDF5 (a git-lfs pointer among them) show listings; all
    /// exit 0.
    func testGitDiffShowsWhatChangedInModelFiles() throws {
        let model = repository.appendingPathComponent("m.h5")
        try train(["--width", "1", "--epochs", "1", "--out", model.path])
        try git(["add", ".gitattributes", "m.h5"])
        try git(["commit", "-q", "-m", "one epoch"])
        try train(["--resume", model.path, "--epochs", "2"])
        try git(["commit", "-q", "-m", "two epochs", "m.h5"])

        let diff = try git(["diff", "HEAD~1"])
        for line in ["plastic-unet git-diff a/m.h5 b/m.h5\n", "config (1 key differs)\n  epochs: 1 -> 2\n",
                     "\nwhat moved (B - A, most moved first)\n", "  /plastic/w "] {
            XCTAssertTrue(diff.contains(line), "\(line) in \(diff)")
        }
        XCTAssertFalse(diff.contains("Binary files"), diff)
        XCTAssertTrue(try git(["log", "-p", "-1", "--ext-diff"]).contains("config (1 key differs)"))

        try FileManager.default.copyItem(at: model, to: repository.appendingPathComponent("copy.h5"))
        try Data("not HDF5\n".utf8).write(to: repository.appendingPathComponent("notes.h5"))
        let pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "ab", count: 32))\n"
            + "size 12\n"
        try Data(pointer.utf8).write(to: repository.appendingPathComponent("stored.h5"))
        try FileManager.default.removeItem(at: model)
        try git(["add", "-A", "copy.h5", "notes.h5", "stored.h5", "m.h5"])
        let renamed = try git(["diff", "--cached", "-M"])
        XCTAssertTrue(renamed.contains("plastic-unet git-diff a/m.h5 b/copy.h5\n"), renamed)
        XCTAssertTrue(renamed.contains("values: all 317 datasets besides the step digests identical"), renamed)
        let staged = try git(["diff", "--cached", "--no-renames"])
        for line in ["new file b/copy.h5\n", "a plastic-unet model file", "deleted file a/m.h5\n",
                     "new file b/notes.h5\n9 bytes, sha256 ", "(not an HDF5 file)\n",
                     "new file b/stored.h5\na git-lfs pointer (its object is not read):\n" + pointer] {
            XCTAssertTrue(staged.contains(line), "\(line) in \(staged)")
        }
    }

    func testArgumentsThatGitDoesNotGiveAreRefused() throws {
        assertOneLineError(try ToolRunner.run(["git-diff", "m.h5", "a", "b"]), containing: ["7 (or 9) arguments"])
    }
}
