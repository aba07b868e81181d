import FileOutput
import Foundation
import HDF5Kit
import Kernels
import ModelFile

/// What checking one case found.
package struct CaseCheck: Sendable {
    /// The case's name.
    package let name: String
    /// The comparison of the expected results with the obtained ones.
    package let comparison: CaseComparison
    /// Where the obtained results were written (only when the check failed).
    package let obtainedFile: URL?
    /// The program that recorded the case, when it is not this one.
    package let recordedBy: String?
}

/// Checks, updates and records cases.
package enum RegressionRun {
    /// Compares the results `obtained` for the case `golden`, read from `url`, with the
    /// expected ones; a failed check writes the obtained results beside the case
    /// (``GoldenCaseFile/obtainedURL(for:)``), a passed one removes such a file (unless
    /// `besideTheCase` is false).
    /// - Throws: the errors of writing.
    package static func check(_ golden: GoldenCase, at url: URL, obtained: [GoldenRun],
                              besideTheCase: Bool = true) throws -> CaseCheck {
        let comparison = comparison(of: golden, with: obtained)
        let obtainedURL = GoldenCaseFile.obtainedURL(for: url)
        if besideTheCase {
            try keepObtained(comparison.passed ? nil : record(of: golden, obtained: obtained), of: url)
        }
        return CaseCheck(name: golden.name, comparison: comparison,
                         obtainedFile: comparison.passed || !besideTheCase ? nil : obtainedURL,
                         recordedBy: golden.generator == PlasticUNetVersion.generator ? nil : golden.generator)
    }

    /// The expected runs of `golden` against `obtained`, under its tolerances and margins.
    package static func comparison(of golden: GoldenCase, with obtained: [GoldenRun]) -> CaseComparison {
        CaseComparison(expected: golden.runs, obtained: obtained, tolerances: golden.tolerances, exact: golden.exact,
                       equivalence: golden.equivalence)
    }

    /// The case `golden` with the runs `obtained` by this program: what an obtained file
    /// holds.
    package static func record(of golden: GoldenCase, obtained: [GoldenRun]) -> GoldenCase {
        var record = golden
        record.runs = obtained
        record.generator = PlasticUNetVersion.generator
        return record
    }

    /// Writes `record` as the obtained results of the case at `url`, or, when it is nil,
    /// removes them.
    /// - Throws: the errors of writing.
    package static func keepObtained(_ record: GoldenCase?, of url: URL) throws {
        let obtainedURL = GoldenCaseFile.obtainedURL(for: url)
        if let record {
            try AtomicFile.write(GoldenCaseFile.text(of: record), to: obtainedURL)
        } else {
            try? FileManager.default.removeItem(at: obtainedURL)
        }
    }

    /// Re-runs the case `golden`, read from `url`, and rewrites its expected results (and
    /// the program that recorded them), keeping its recipe and tolerances.
    /// - Returns: the comparison of the old results with the new ones.
    /// - Throws: as ``CaseRunner/run(_:at:kernels:reading:)``; the errors of writing.
    package static func update(_ golden: GoldenCase, at url: URL, kernels: any ConvolutionKernels,
                               reading: HDF5Reading) throws -> CaseComparison {
        var golden = golden
        let obtained = try CaseRunner.run(golden, at: url, kernels: kernels, reading: reading)
        let comparison = comparison(of: golden, with: obtained)
        golden.runs = obtained
        golden.generator = PlasticUNetVersion.generator
        try AtomicFile.write(GoldenCaseFile.text(of: golden), to: url)
        return comparison
    }

    /// Records a new case at `url`: runs `recipe` (whose paths are relative to `url`), once
    /// or once per seed, and writes the case with its results.
    /// - Parameters:
    ///   - exact: whether the case is exact (tolerances 0, hashes checked).
    ///   - tolerance: the default tolerance of a case that is not exact.
    ///   - seeds: the seeds of a case over seeds (each replacing the recipe's), or empty
    ///     for a case of one run.
    ///   - equivalence: the margins of a case over seeds, by field name or prefix.
    /// - Throws: as ``CaseRunner/run(_:at:kernels:reading:)``; the errors of writing.
    package static func record(_ recipe: GoldenRecipe, name: String, exact: Bool, tolerance: GoldenTolerances.Rule,
                               seeds: [UInt64] = [], equivalence: [String: Double] = [:], to url: URL,
                               kernels: any ConvolutionKernels, reading: HDF5Reading) throws -> GoldenCase {
        let tolerances = GoldenTolerances(default: exact ? GoldenTolerances.Rule(atol: 0, rtol: 0) : tolerance)
        let runs = seeds.isEmpty ? [GoldenRun(seed: nil, results: .empty)]
            : seeds.map { GoldenRun(seed: $0, results: .empty) }
        var golden = GoldenCase(name: name, generator: PlasticUNetVersion.generator, exact: exact, recipe: recipe,
                                tolerances: tolerances, equivalence: equivalence, runs: runs)
        golden.runs = try CaseRunner.run(golden, at: url, kernels: kernels, reading: reading)
        try AtomicFile.write(GoldenCaseFile.text(of: golden), to: url)
        return golden
    }
}
