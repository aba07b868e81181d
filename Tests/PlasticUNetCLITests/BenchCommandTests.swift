import Foundation
import XCTest

/// `plastic-unet bench` runs and counts the work right; its times are not tested.
final class BenchCommandTests: XCTestCase {
    /// The operations of one prediction of width 1 at 16 x 16, counted by hand (2 per fused
    /// multiply-add): each block's first convolution and its four residual ones at 16², 8²,
    /// 4², 2² and 1² cost 23,040 (the first block, one channel) and 20,736 (the others);
    /// each up stage's transposed convolution, block convolution and four residual ones
    /// cost 29,952; the final 1 x 1 convolution 512.
    static let widthOneInference: Double = 23_040 + 4 * 20_736 + 4 * 29_952 + 512

    /// A training step repeats each convolution of ``widthOneInference`` as input gradient
    /// and weight gradient, but for the input gradient of the very first convolution
    /// (4,608), which the image does not need.
    func testTheOperationsOfAStepAreCountedAndTheReportIsWritten() throws {
        let json = try makeTemporaryDirectory(for: self).appendingPathComponent("bench.json")
        let result = try ToolRunner.run(["bench", "--width", "1", "--size", "16", "--repeats", "2", "--batch", "3",
                                         "--threads", "1", "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for label in ["cpu", "kernels", "fma peak", "training step", "inference", "throughput", "save", "load",
                      "peak memory"] {
            XCTAssertTrue(result.stdout.contains("\n" + label) || result.stdout.hasPrefix(label), label)
        }
        let report = try EvaluationFixtures.jsonObject(json)
        let inference = Self.widthOneInference
        XCTAssertEqual(report["inference_flop"] as? Double, inference)
        XCTAssertEqual(report["training_step_flop"] as? Double, 3 * inference - 4_608)
        let step = try XCTUnwrap(report["training_step_seconds"] as? [String: Any])
        XCTAssertEqual((step["samples"] as? [Double])?.count, 2)
        XCTAssertEqual(report["batch_size"] as? Int, 3)
        let layers = try XCTUnwrap(report["layers"] as? [[String: Any]])
        XCTAssertEqual(Set(layers.compactMap { $0["pass"] as? String }),
                       ["forward", "input gradient", "weight gradient"])
    }

    /// The machine's limit is measured on the kernel path and threads of the bench, and
    /// every rate of the convolutions is given as a percentage of it, in the text and the
    /// JSON.
    func testEveryRateIsAlsoAPercentageOfTheFMAPeak() throws {
        let json = try makeTemporaryDirectory(for: self).appendingPathComponent("bench.json")
        let result = try ToolRunner.run(["bench", "--width", "1", "--size", "16", "--repeats", "1", "--batch", "1",
                                         "--threads", "2", "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let peakLine = try XCTUnwrap(lines.first { $0.hasPrefix("fma peak") })
        XCTAssertTrue(peakLine.contains("GFLOP/s on 2 threads"), peakLine)
        for label in ["training step", "inference   "] {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(label) }, label)
            XCTAssertTrue(line.contains("% of peak)"), line)
        }
        let report = try EvaluationFixtures.jsonObject(json)
        // A prediction runs on a thread of the pool; its operations count all the same.
        XCTAssertEqual(report["inference_flop"] as? Double, Self.widthOneInference)
        let peak = try XCTUnwrap(report["fma_peak_flop_per_second"] as? Double)
        XCTAssertTrue(peak.isFinite && peak > 0, "\(peak)")
        let path = try XCTUnwrap((report["kernel_path"] as? String)?.split(separator: ":").first)
        let shapes: [Substring: [Int]] = ["avx512": [16, 16], "avx2": [12, 8], "portable": [16, 4]]
        XCTAssertEqual([report["fma_peak_chains"] as? Int, report["fma_peak_lanes"] as? Int].compactMap { $0 },
                       shapes[path])
        for pass in ["training_step", "inference"] {
            let rate = try XCTUnwrap(report[pass + "_flop_per_second"] as? Double, pass)
            let percent = try XCTUnwrap(report[pass + "_percent_of_peak"] as? Double, pass)
            XCTAssertEqual(percent, 100 * rate / peak, accuracy: 1e-9 * percent, pass)
        }
        let step = try XCTUnwrap(report["training_step_seconds"] as? [String: Any])
        let stepRate = try XCTUnwrap(report["training_step_flop_per_second"] as? Double)
        let stepFlop = try XCTUnwrap(report["training_step_flop"] as? Double)
        let stepMedian = try XCTUnwrap(step["median"] as? Double)
        // The JSON text keeps 17 significant digits, so the quotient may differ in its last bit.
        XCTAssertEqual(stepRate, stepFlop / stepMedian, accuracy: 1e-12 * stepRate)
        let layers = try XCTUnwrap(report["layers"] as? [[String: Any]])
        XCTAssertFalse(layers.isEmpty)
        for layer in layers {
            let rate = try XCTUnwrap(layer["flop_per_second"] as? Double)
            let percent = try XCTUnwrap(layer["percent_of_peak"] as? Double)
            XCTAssertEqual(percent, 100 * rate / peak, accuracy: 1e-9 * percent)
        }
        let rows = lines.drop { !$0.hasPrefix("per training step") }.dropFirst()
        XCTAssertFalse(rows.isEmpty)
        for row in rows { XCTAssertTrue(row.contains("GFLOP/s") && row.contains("%  "), row) }
    }

    /// With `--convolution winograd` the breakdown names the layers that compute with it
    /// (images of at least 9 x 9) and no others: at 16 x 16 the 16 x 16 ones, not the 8 x 8
    /// and smaller ones, which compute directly.
    func testTheBreakdownNamesWinogradOnlyWhereItApplies() throws {
        let json = try makeTemporaryDirectory(for: self).appendingPathComponent("bench.json")
        let result = try ToolRunner.run(["bench", "--width", "1", "--size", "16", "--repeats", "1", "--batch", "1",
                                         "--threads", "1", "--convolution", "winograd", "--json", json.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try EvaluationFixtures.jsonObject(json)
        let names = try XCTUnwrap(report["layers"] as? [[String: Any]]).compactMap { $0["layer"] as? String }
        let stride1 = names.filter { $0.contains("conv3x3 ") }
        XCTAssertEqual(Set(stride1.filter { $0.hasPrefix("winograd ") }.map { $0.hasSuffix(" at 16x16") }), [true])
        XCTAssertEqual(Set(stride1.filter { !$0.hasPrefix("winograd ") }.map { $0.hasSuffix(" at 16x16") }), [false])
    }

    func testBadOptionsExitTwo() throws {
        assertOneLineError(try ToolRunner.run(["bench", "--width", "0"]), containing: ["--width"])
        assertOneLineError(try ToolRunner.run(["bench", "--repeats", "0"]), containing: ["--repeats"])
    }
}
