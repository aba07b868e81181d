import Foundation
import Kernels
import XCTest

/// `PLASTIC_UNET_KERNELS` forces a kernel path; every path this CPU runs trains the same
/// model file, byte for byte, and one it cannot run is refused before any work.
final class KernelPathChoiceTests: XCTestCase {
    func testEverySupportedPathTrainsTheSameModelFile() throws {
        let folder = try makeTemporaryDirectory(for: self)
        var files: [KernelPath: Data] = [:]
        for path in KernelPath.supported {
            let model = folder.appendingPathComponent("\(path.rawValue).h5")
            let run = try ToolRunner.run(
                ["train", "--data", EvaluationFixtures.smallData.path, "--width", "4", "--epochs", "1",
                 "--rule", "oja", "--seed", "3", "--threads", "2", "--out", model.path],
                environment: [kernelsVariable: path.rawValue])
            XCTAssertEqual(run.status, 0, run.stderr)
            files[path] = try Data(contentsOf: model)
        }
        XCTAssertEqual(Set(files.values).count, 1, "model files differ between \(files.keys.map(\.rawValue))")
    }

    func testBenchNamesTheForcedPath() throws {
        let path = KernelPath.supported.last!
        let run = try ToolRunner.run(["bench", "--width", "1", "--size", "16", "--repeats", "1", "--batch", "1"],
                                     environment: [kernelsVariable: path.rawValue])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("kernels        \(path.rawValue): "), run.stdout)
    }

    func testAnUnknownPathIsRefusedWithExitTwo() throws {
        let run = try ToolRunner.run(["bench", "--width", "1", "--size", "16"],
                                     environment: [kernelsVariable: "sse9"])
        assertOneLineError(run, containing: [kernelsVariable, "'sse9' is not a kernel path"])
    }

    func testAPathThisCPULacksIsRefusedWithExitTwo() throws {
        guard let lacking = KernelPath.allCases.first(where: { !$0.isSupported }) else {
            throw XCTSkip("this CPU runs every kernel path")
        }
        let run = try ToolRunner.run(["train", "--data", EvaluationFixtures.smallData.path, "--width", "1",
                                      "--epochs", "1", "--out", "/nonexistent/never.h5"],
                                     environment: [kernelsVariable: lacking.rawValue])
        assertOneLineError(run, containing: ["which this CPU lacks"])
    }
}

/// The variable that forces a kernel path.
private let kernelsVariable = "PLASTIC_UNET_KERNELS"
