import Foundation
import XCTest

final class DataSynthCommandTests: XCTestCase {
    /// The commands of fixtures/README.md give the committed fixtures, file for file.
    func testFixturesRegenerateByteForByte() throws {
        let scratch = try makeTemporaryDirectory(for: self)
        for (name, count, size, seed) in [("tgs-120", 120, 101, 4), ("tgs-12-s32", 12, 32, 2)] {
            let out = scratch.appendingPathComponent(name)
            let run = try ToolRunner.run(["data", "synth", "--out", out.path, "--count", "\(count)",
                                          "--size", "\(size)", "--seed", "\(seed)"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let committed = try DataFixtures.files(below: DataFixtures.folder(name))
            let regenerated = try DataFixtures.files(below: out)
            XCTAssertEqual(Set(regenerated.keys), Set(committed.keys).subtracting(["README.md"]), name)
            XCTAssertEqual(regenerated.count, 2 * count + 2, name)
            for (path, bytes) in regenerated {
                XCTAssertEqual(bytes, committed[path], "\(name)/\(path) differs")
            }
        }
    }

    func testTheSameSeedGivesTheSameFilesAndAnotherSeedOthers() throws {
        let scratch = try makeTemporaryDirectory(for: self)
        var trees: [[String: Data]] = []
        for (folder, seed) in [("a", "5"), ("b", "5"), ("c", "6")] {
            let out = scratch.appendingPathComponent(folder)
            XCTAssertEqual(try ToolRunner.run(["data", "synth", "--out", out.path, "--count", "3", "--size", "16", "--seed", seed]).status, 0)
            trees.append(try DataFixtures.files(below: out))
        }
        XCTAssertEqual(trees[0], trees[1])
        XCTAssertNotEqual(trees[0]["train.csv"], trees[2]["train.csv"])
    }

    func testBadOptionsAndAFolderInUseAreRefused() throws {
        let scratch = try makeTemporaryDirectory(for: self)
        let small = try ToolRunner.run(["data", "synth", "--out", scratch.appendingPathComponent("x").path, "--size", "8"])
        XCTAssertEqual(small.status, 2)
        XCTAssertTrue(small.stderr.contains("--size must be between 16 and 4096, got 8"), small.stderr)
        let none = try ToolRunner.run(["data", "synth", "--out", scratch.appendingPathComponent("x").path, "--count", "0"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("--count must be at least 1"), none.stderr)
        try Data("keep".utf8).write(to: scratch.appendingPathComponent("notes.txt"))
        let busy = try ToolRunner.run(["data", "synth", "--out", scratch.path, "--count", "1", "--size", "16"])
        XCTAssertEqual(busy.status, 2)
        XCTAssertEqual(busy.stderr, "plastic-unet: error: cannot write \(scratch.path): the folder is not empty\n")
    }
}
