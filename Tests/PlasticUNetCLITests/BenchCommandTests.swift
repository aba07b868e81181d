import Foundation
import XCTest

/// `plastic-unet bench` runs and counts the work right; its times are not tested.
final class BenchCommandTests: XCTestCase {
    /// The convolutions of width 1 at 16 x 16, counted by hand (2 operations per fused
    /// multiply-add): each block's first convolution and its four residual ones at 16², 8²,
    /// 4², 2² and 1² cost 23,040 (the first block, one channel) and 20,736 (the others);
    /// each up stage's transposed convolution, block convolution and four residual ones
    /// cost 29,952; the final 1 x 1 convolution 512. A training step repeats each as input
    /// gradient and weight gradient, but for the input gradient of the very first
    /// convolution (4,608), which the image does not need.
    func testTheOperationsOfAStepAreCountedAndTheReportIsWritten() throws {
        let json = try makeTemporaryDirectory(for: self).appendingPathComponent("bench.json")
        let result = try ToolRunner.run(["bench", "--width", "1", "--size", "16", "--repeats", "2", "--batch", "3",
                                         "--threads", "1", "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for label in ["cpu", "kernels", "training step", "inference", "throughput", "save", "load", "peak memory"] {
            XCTAssertTrue(result.stdout.contains("\n" + label) || result.stdout.hasPrefix(label), label)
        }
        let report = try EvaluationFixtures.jsonObject(json)
        let firstBlock = 23_040.0, downBlock = 20_736.0, upStage = 29_952.0, output = 512.0
        let inference: Double = firstBlock + 4 * downBlock + 4 * upStage + output
        XCTAssertEqual(report["inference_flop"] as? Double, inference)
        XCTAssertEqual(report["training_step_flop"] as? Double, 3 * inference - 4_608)
        let step = try XCTUnwrap(report["training_step_seconds"] as? [String: Any])
        XCTAssertEqual((step["samples"] as? [Double])?.count, 2)
        XCTAssertEqual(report["batch_size"] as? Int, 3)
        let layers = try XCTUnwrap(report["layers"] as? [[String: Any]])
        XCTAssertEqual(Set(layers.compactMap { $0["pass"] as? String }),
                       ["forward", "input gradient", "weight gradient"])
    }

    func testBadOptionsExitTwo() throws {
        assertOneLineError(try ToolRunner.run(["bench", "--width", "0"]), containing: ["--width"])
        assertOneLineError(try ToolRunner.run(["bench", "--repeats", "0"]), containing: ["--repeats"])
    }
}
