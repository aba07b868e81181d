import ModelFile
import Reports

/// The report of `bench` as text and as JSON.
package enum BenchmarkText {
    /// The report as a few aligned lines, then the slowest convolution calls; every rate of
    /// the convolutions also as a percentage of the machine's limit (the `fma peak` line).
    package static func text(of report: BenchmarkReport, layerRows: Int = 12) -> String {
        func milliseconds(_ timing: BenchmarkReport.Timing) -> String {
            let (median, fastest, slowest) = (timing.median * 1000, timing.minimum * 1000, timing.maximum * 1000)
            return "median \(FixedDecimal.text(median, digits: 1)) ms (\(FixedDecimal.text(fastest, digits: 1))-"
                + "\(FixedDecimal.text(slowest, digits: 1)), \(timing.samples.count) runs)"
        }
        var lines = [
            "cpu            \(report.cpu), \(report.cores) cores",
            "kernels        \(report.kernelPath), \(report.threads) threads",
            "fma peak       " + gigaflops(report.peakOperationsPerSecond) + " on \(report.threads) thread\(report.threads == 1 ? "" : "s") "
                + "(\(report.peakShape.chains) independent chains of \(report.peakShape.lanes) floats each, "
                + "fused multiply-adds in registers)",
            "model          width \(report.width), \(report.size) x \(report.size), rule \(report.rule), "
                + "\(report.alpha) alpha, \(report.convolution) convolutions",
            "training step  " + milliseconds(report.trainingStep) + ", "
                + rate(report.stepOperationsPerSecond, of: report) + " in the convolutions",
            "step digests   " + milliseconds(report.digest) + ", "
                + FixedDecimal.text(100 * report.digest.median / report.trainingStep.median, digits: 1)
                + "% of the step (in a pass of their own: "
                + "\(FixedDecimal.text(report.digestPass.median * 1000, digits: 1)) ms)",
            "inference      " + milliseconds(report.inference) + ", "
                + rate(report.inferenceOperationsPerSecond, of: report),
            "throughput     \(FixedDecimal.text(report.throughput, digits: 1)) images/s over "
                + "\(report.batchSize) images, \(report.imagesPerPass) per pass",
            "save           " + milliseconds(report.save) + ", \(report.modelFileBytes / 1_000_000) MB",
            "load           " + milliseconds(report.load),
            "peak memory    \(report.peakResidentBytes / 1_000_000) MB resident",
            "",
            "per training step, the slowest convolution calls (GFLOP/s and % of the fma peak):",
        ]
        for layer in report.layers.prefix(layerRows) {
            lines.append("  " + FixedDecimal.text(layer.seconds * 1000, digits: 2).padded(to: 8, .right) + " ms  "
                         + gigaflops(layer.operationsPerSecond).padded(to: 14, .right) + "  "
                         + percent(report.percentOfPeak(layer.operationsPerSecond)).padded(to: 6, .right) + "  "
                         + "\(layer.pass): \(layer.layer) (\(FixedDecimal.text(layer.calls, digits: 0)) calls)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: times in seconds, every sample.
    package static func json(of report: BenchmarkReport) -> String {
        func timing(_ timing: BenchmarkReport.Timing) -> JSONValue {
            .object(["median": .number(timing.median), "min": .number(timing.minimum), "max": .number(timing.maximum),
                     "samples": .array(timing.samples.map(JSONValue.number))])
        }
        return JSONValue.object([
            "plastic_unet_version": .string(PlasticUNetVersion.current),
            "cpu": .string(report.cpu), "cores": .integer(Int64(report.cores)),
            "kernel_path": .string(report.kernelPath), "threads": .integer(Int64(report.threads)),
            "width": .integer(Int64(report.width)), "size": .integer(Int64(report.size)),
            "rule": .string(report.rule), "alpha": .string(report.alpha),
            "convolution": .string(report.convolution),
            "training_step_seconds": timing(report.trainingStep), "inference_seconds": timing(report.inference),
            "step_digest_seconds": timing(report.digest), "digest_pass_seconds": timing(report.digestPass),
            "batch_seconds": timing(report.batch), "batch_size": .integer(Int64(report.batchSize)),
            "images_per_pass": .integer(Int64(report.imagesPerPass)),
            "images_per_second": .number(report.throughput),
            "fma_peak_flop_per_second": .number(report.peakOperationsPerSecond),
            "fma_peak_chains": .integer(Int64(report.peakShape.chains)),
            "fma_peak_lanes": .integer(Int64(report.peakShape.lanes)),
            "training_step_flop": .number(report.stepOperations), "inference_flop": .number(report.inferenceOperations),
            "training_step_flop_per_second": .number(report.stepOperationsPerSecond),
            "training_step_percent_of_peak": .number(report.percentOfPeak(report.stepOperationsPerSecond)),
            "inference_flop_per_second": .number(report.inferenceOperationsPerSecond),
            "inference_percent_of_peak": .number(report.percentOfPeak(report.inferenceOperationsPerSecond)),
            "save_seconds": timing(report.save), "load_seconds": timing(report.load),
            "model_file_bytes": .integer(Int64(report.modelFileBytes)),
            "peak_resident_bytes": .integer(Int64(report.peakResidentBytes)),
            "layers": .array(report.layers.map { layer in
                .object(["pass": .string(layer.pass), "layer": .string(layer.layer), "calls": .number(layer.calls),
                         "seconds": .number(layer.seconds), "flop_per_second": .number(layer.operationsPerSecond),
                         "percent_of_peak": .number(report.percentOfPeak(layer.operationsPerSecond))])
            }),
        ]).prettyText + "\n"
    }

    private static func gigaflops(_ operationsPerSecond: Double) -> String {
        FixedDecimal.text(operationsPerSecond / 1e9, digits: 1) + " GFLOP/s"
    }

    /// `45.2 GFLOP/s (39.1% of peak)`.
    private static func rate(_ operationsPerSecond: Double, of report: BenchmarkReport) -> String {
        gigaflops(operationsPerSecond) + " (" + percent(report.percentOfPeak(operationsPerSecond)) + " of peak)"
    }

    /// `39.1%`.
    private static func percent(_ value: Double) -> String {
        FixedDecimal.text(value, digits: 1) + "%"
    }
}
