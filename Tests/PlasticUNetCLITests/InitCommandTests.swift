import Foundation
import HDF5Kit
import ModelFile
import PlasticUNet
import XCTest

final class InitCommandTests: XCTestCase {
    func testTheSameSeedGivesAnIdenticalFileAndAnotherSeedOtherTensors() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let first = folder.appendingPathComponent("a.h5"), again = folder.appendingPathComponent("b.h5")
        let reseeded = folder.appendingPathComponent("c.h5")
        try ModelFiles.initialise(first, seed: 5)
        try ModelFiles.initialise(again, seed: 5)
        try ModelFiles.initialise(reseeded, seed: 6)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: again))

        let original = try ModelFileReader.read(first, using: .direct).contents, other = try ModelFileReader.read(reseeded, using: .direct).contents
        XCTAssertEqual(original.configuration.training.seed, 5)
        XCTAssertEqual(other.configuration.training.seed, 6)
        XCTAssertEqual(original.configuration.training.epochs, 0)
        for (spec, (a, b)) in zip(original.parameters.specs, zip(original.parameters.tensors, other.parameters.tensors))
        where spec.name != .head(.eta) {
            XCTAssertNotEqual(a, b, "\(spec.name)")
        }
        XCTAssertEqual(original.parameters[.head(.eta)], other.parameters[.head(.eta)])
    }

    func testAnExistingFileIsReplaced() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("m.h5")
        try Data("old contents".utf8).write(to: url)
        try ModelFiles.initialise(url)
        XCTAssertEqual(try ToolRunner.run(["validate", url.path]).stdout, "valid\n")
    }

    func testBadOptionsExitTwoAndWriteNothing() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let out = folder.appendingPathComponent("m.h5").path
        for arguments in [["--width", "0"], ["--size", "8"], ["--rule", "anti-hebb"], ["--alpha", "shared"],
                          ["--rule", "none", "--learn-eta"], ["--trace-rows", "last"], ["--seed", "-1"]] {
            let result = try ToolRunner.run(["init"] + arguments + ["--out", out])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("plastic-unet: error: "), result.stderr)
        }
        XCTAssertEqual(try ToolRunner.run(["init"]).status, 2)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testAFolderThatDoesNotExistIsOneLineError() throws {
        let folder = try makeTemporaryDirectory(for: self).appendingPathComponent("missing")
        let out = folder.appendingPathComponent("m.h5").path
        assertOneLineError(try ToolRunner.run(["init"] + ModelFiles.smallModel + ["--out", out]),
                           containing: ["cannot write \(out): its folder \(folder.path) does not exist"])
    }
}
