import Foundation
import ModelFile
import XCTest

/// `train` on the 12-image 32 x 32 fixture with a width-2 model: small enough for debug builds.
final class TrainCommandTests: XCTestCase {
    private var data: String { DataFixtures.folder("tgs-12-s32").path }

    /// Runs `train` on the small fixture into `out` and fails the test unless it succeeds.
    @discardableResult
    private func train(_ out: URL, _ arguments: [String] = [], file: StaticString = #filePath,
                       line: UInt = #line) throws -> ToolResult {
        let result = try ToolRunner.run(["train", "--data", data, "--width", "2", "--out", out.path] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        return result
    }

    func testTheSameRunGivesAByteIdenticalFileOnAnyThreadCount() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let one = folder.appendingPathComponent("one.h5"), two = folder.appendingPathComponent("two.h5")
        let again = folder.appendingPathComponent("again.h5"), reseeded = folder.appendingPathComponent("seed.h5")
        try train(one, ["--epochs", "2", "--threads", "1"])
        try train(two, ["--epochs", "2", "--threads", "2"])
        try train(again, ["--epochs", "2", "--threads", "2"])
        try train(reseeded, ["--epochs", "2", "--seed", "9"])
        let bytes = try Data(contentsOf: one)
        XCTAssertEqual(try Data(contentsOf: two), bytes)
        XCTAssertEqual(try Data(contentsOf: again), bytes)
        XCTAssertNotEqual(try Data(contentsOf: reseeded), bytes)
        XCTAssertEqual(try ToolRunner.run(["validate", one.path]).stdout, "valid\n")
    }

    /// Two epochs in one go, one epoch then `--resume`, and three steps then `--resume`
    /// give the same file, byte for byte (so the same datasets and the same config).
    func testResumingEqualsTheUninterruptedRun() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let whole = folder.appendingPathComponent("whole.h5")
        try train(whole, ["--epochs", "2", "--rule", "oja", "--learn-eta"])
        let expected = try Data(contentsOf: whole)

        let byEpoch = folder.appendingPathComponent("epoch.h5")
        try train(byEpoch, ["--epochs", "1", "--rule", "oja", "--learn-eta"])
        XCTAssertEqual(try ModelFileReader.read(byEpoch, using: .direct).contents.configuration.training.epochs, 1)
        let resumed = try ToolRunner.run(["train", "--resume", byEpoch.path, "--epochs", "2", "--data", data])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try Data(contentsOf: byEpoch), expected)

        let bySteps = folder.appendingPathComponent("steps.h5")
        let stopped = try train(bySteps, ["--epochs", "2", "--rule", "oja", "--learn-eta", "--max-steps", "3"])
        XCTAssertTrue(stopped.stdout.contains("stopped at --max-steps in epoch 1"), stopped.stdout)
        let progress = try ModelFileReader.read(bySteps, using: .direct).contents.progress
        XCTAssertEqual(progress.epoch, 0)
        XCTAssertEqual(progress.sampleInEpoch, 3)
        let finished = folder.appendingPathComponent("finished.h5")
        XCTAssertEqual(try ToolRunner.run(["train", "--resume", bySteps.path, "--data", data, "--out", finished.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: finished), expected)
    }

    /// The config attribute alone repeats the run.
    func testTheConfigOfAFileRepeatsItsRun() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let original = folder.appendingPathComponent("original.h5")
        try train(original, ["--epochs", "1", "--rule", "hebb", "--alpha", "yoked", "--trace-rows", "first",
                             "--lr", "0.001", "--gamma", "0.5", "--step-size", "4", "--dropout", "0.25",
                             "--val-fraction", "0.3", "--no-shuffle", "--eval-trace", "online", "--seed", "7"])
        let repeated = folder.appendingPathComponent("repeated.h5")
        let result = try ToolRunner.run(["train", "--config-from", original.path, "--data", data, "--out", repeated.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Data(contentsOf: repeated), try Data(contentsOf: original))
    }

    func testInitStartsFromAFilesParametersAndRecordsIt() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let start = folder.appendingPathComponent("init.h5")
        try ModelFiles.initialise(start, ["--rule", "oja", "--alpha", "yoked", "--width", "2", "--size", "32"], seed: 4)
        let trained = folder.appendingPathComponent("trained.h5")
        let result = try ToolRunner.run(["train", "--init", start.path, "--data", data, "--epochs", "1",
                                         "--max-steps", "1", "--out", trained.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let contents = try ModelFileReader.read(trained, using: .direct).contents
        XCTAssertEqual(contents.configuration.model.alpha, .yoked)
        XCTAssertEqual(contents.configuration.training.seed, 4)
        let digest = try runExternal("sha256sum", [start.path], in: folder).output.prefix(64)
        XCTAssertEqual(contents.configuration.training.initialModelSHA256, String(digest))

        let conflicting = try ToolRunner.run(["train", "--init", start.path, "--data", data, "--rule", "hebb",
                                              "--out", folder.appendingPathComponent("x.h5").path])
        assertOneLineError(conflicting, containing: ["--rule", "init.h5"])
    }

    /// Numbers that blow up (a learning rate of 1e30 makes the gradient of w infinite at the
    /// second step) stop the run, naming the step and the tensor, and leave the file alone.
    func testANonFiniteLossStopsTheRunAndKeepsTheFile() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("m.h5")
        try Data("an older file".utf8).write(to: out)
        let result = try ToolRunner.run(["train", "--data", data, "--width", "2", "--epochs", "1", "--lr", "1e30",
                                         "--out", out.path])
        assertOneLineError(result,
                           containing: ["the gradient of w holds a NaN or an infinity at step 2 (epoch 1, image "])
        XCTAssertEqual(try Data(contentsOf: out), Data("an older file".utf8))
    }

    func testOneLinePerEpochWhenNotOnATerminal() throws {
        let out = try makeTemporaryDirectory(for: self).appendingPathComponent("m.h5")
        let result = try train(out, ["--epochs", "2"])
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, result.stdout)
        XCTAssertTrue(lines[0].hasPrefix("epoch 1/2  train loss "), result.stdout)
        XCTAssertTrue(lines[1].contains("val loss ") && lines[1].contains("val score "), result.stdout)
        XCTAssertEqual(result.stderr, "")
    }

    func testBadInputExitsTwoWithOneLine() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("m.h5").path
        let small = folder.appendingPathComponent("small.h5")
        try ModelFiles.initialise(small)
        let trained = folder.appendingPathComponent("trained.h5")
        try train(trained, ["--epochs", "1"])
        let poisoned = folder.appendingPathComponent("poisoned.h5")
        try ModelFiles.initialise(poisoned)
        try ModelFiles.edit(poisoned) { root in
            let dataset = try root.dataset("plastic/w")
            let torchName = try dataset.attribute("torch_name")
            let plastic = try root.group("plastic")
            try plastic.removeLink("w")
            try plastic.createDataset("w", shape: [32, 32], values: [Float](repeating: .nan, count: 32 * 32))
                .setAttribute("torch_name", try XCTUnwrap(torchName))
        }
        let cases: [([String], [String])] = [
            (["--data", folder.appendingPathComponent("missing").path, "--out", out], ["missing"]),
            (["--data", data, "--init", folder.appendingPathComponent("none.h5").path, "--out", out], ["none.h5"]),
            (["--data", data, "--resume", small.path, "--out", out], ["untrained"]),
            (["--data", data, "--resume", trained.path, "--lr", "0.1"], ["--lr", "--resume"]),
            (["--data", data, "--resume", trained.path, "--epochs", "0"], ["--epochs 0"]),
            (["--resume", trained.path], ["data"]),
            (["--data", data, "--width", "2", "--dropout", "1", "--out", out], ["dropout"]),
            (["--data", data, "--width", "2", "--threads", "0", "--out", out], ["--threads"]),
            (["--init", small.path, "--out", out], ["32 x 32", "101 x 101"]),
            (["--data", data, "--init", poisoned.path, "--out", out], ["poisoned.h5", "/plastic/w", "NaN"]),
        ]
        for (arguments, fragments) in cases {
            let result = try ToolRunner.run(["train"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(fragments.allSatisfy(result.stderr.contains), "\(arguments): \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    /// While one run writes a file, a second run with the same --out is refused, naming the
    /// first; the file is then the first run's.
    func testASecondRunOnTheSameOutputIsRefused() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("shared.h5"), reference = folder.appendingPathComponent("alone.h5")
        let arguments = ["train", "--data", data, "--width", "8", "--epochs", "3", "--threads", "1"]
        let first = try ToolRunner.start(arguments + ["--out", out.path])
        let lockFile = folder.appendingPathComponent(".shared.h5.lock")
        let deadline = Date().addingTimeInterval(30)
        while (try? String(contentsOf: lockFile, encoding: .utf8))?.contains("pid") != true && Date() < deadline {
            usleep(10_000)
        }
        let second = try ToolRunner.run(arguments + ["--epochs", "1", "--out", out.path])
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        assertOneLineError(second, containing: ["cannot write \(out.path): another process is writing it (plastic-unet "
                                                + "train, pid \(first.processIdentifier))"])
        XCTAssertEqual(try ToolRunner.run(arguments + ["--out", reference.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: reference), "the first run's file")
    }

    /// A run killed at twenty moments: each time the model file is absent (killed before
    /// the first epoch ended) or a complete checkpoint that validates, and resuming it
    /// finishes byte for byte as the uninterrupted run.
    func testAKilledRunLeavesACheckpointThatResumesExactly() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let arguments = ["train", "--data", data, "--width", "4", "--epochs", "6", "--threads", "1"]
        let reference = folder.appendingPathComponent("reference.h5")
        XCTAssertEqual(try ToolRunner.run(arguments + ["--out", reference.path]).status, 0)
        let expected = try Data(contentsOf: reference)
        var random = SeededRandom(seed: 20)
        var resumed = 0
        for kill in 0..<20 {
            let out = folder.appendingPathComponent("killed-\(kill).h5")
            let run = try ToolRunner.start(arguments + ["--out", out.path])
            usleep(UInt32(50_000 + random.below(1_500_000)))
            Glibc.kill(run.processIdentifier, SIGKILL)
            run.waitUntilExit()
            guard FileManager.default.fileExists(atPath: out.path) else { continue }
            XCTAssertEqual(try ToolRunner.run(["validate", out.path]).stdout, "valid\n", "kill \(kill)")
            let resume = try ToolRunner.run(["train", "--resume", out.path, "--data", data, "--threads", "2"])
            XCTAssertEqual(resume.status, 0, resume.stderr)
            XCTAssertEqual(try Data(contentsOf: out), expected, "kill \(kill)")
            resumed += 1
        }
        print("killed 20 runs; \(resumed) left a checkpoint, which resumed exactly")
        XCTAssertGreaterThan(resumed, 5, "most kills land after a checkpoint")
    }
}
