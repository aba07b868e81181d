import Foundation
import XCTest

final class DataMasksCommandTests: XCTestCase {
    /// The masks decoded from train.csv are the masks `data synth` wrote from its own
    /// arrays: the same PNG files, byte for byte.
    func testMasksFromTheTableEqualTheWrittenMasks() throws {
        let out = try makeTemporaryDirectory(for: self).appendingPathComponent("masks")
        let fixture = DataFixtures.folder("tgs-12-s32")
        let run = try ToolRunner.run(["data", "masks", fixture.path, "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try DataFixtures.files(below: out),
                       try DataFixtures.files(below: fixture.appendingPathComponent("train/masks")))
    }

    func testAFaultyMaskWritesNothing() throws {
        let folder = try makeTemporaryDirectory(for: self)
        try Data("id,rle_mask\ngood,1 5\nbad,5 3 1 1\n".utf8).write(to: folder.appendingPathComponent("train.csv"))
        let out = folder.appendingPathComponent("masks")
        let run = try ToolRunner.run(["data", "masks", folder.path, "--out", out.path, "--size", "16"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "plastic-unet: error: bad: rle_mask: token 3 \"1\": the run starts inside or before "
                       + "the previous run (which ends at pixel 7); runs must be sorted and disjoint\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
