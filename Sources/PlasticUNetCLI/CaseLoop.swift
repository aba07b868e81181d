import Foundation
import Kernels
import Regression

/// Runs a command over the selected cases, one at a time: a case that cannot be run is
/// reported on standard error and counted, and the others still run.
enum CaseLoop {
    /// How many cases did what.
    struct Outcome {
        var total = 0, succeeded = 0, failed = 0, errors = 0

        /// `N cases: P VERB, F failed, E could not be checked` (the parts that apply).
        func summary(verb: String) -> String {
            var parts = ["\(succeeded) \(verb)"]
            if failed > 0 { parts.append("\(failed) failed") }
            if errors > 0 { parts.append("\(errors) could not be run") }
            return "\(total) case\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        }
    }

    /// The selected case files, each with its case or why it cannot be read: a case that
    /// cannot be read stays in the selection (unless `--case` leaves it out), for the loop
    /// to report it.
    /// - Throws: as ``run(_:_:)``.
    static func selected(_ selection: CaseSelection) throws -> [(url: URL, golden: Result<GoldenCase, Error>)] {
        var cases = try GoldenCaseFile.cases(at: selection.paths).map { url in
            (url: url, golden: Result<GoldenCase, Error> { try GoldenCaseFile.read(url) })
        }
        if !selection.case.isEmpty {
            let names = Set(selection.case)
            cases = cases.filter { names.contains((try? $0.golden.get().name) ?? "") }
            guard !cases.isEmpty else {
                throw CommandError.noCaseNamed(selection.case, paths: selection.paths)
            }
        }
        return cases
    }

    /// Calls `body` for each selected case, read once, with the file it was read from;
    /// `body` returns whether the case succeeded.
    /// - Throws: ``Regression/RegressionError`` when the paths hold no case;
    ///   ``CommandError/noCaseNamed(_:paths:)`` when a `--case` names none of them.
    static func run(_ selection: CaseSelection,
                    _ body: (GoldenCase, URL, any ConvolutionKernels) throws -> Bool) throws -> Outcome {
        let kernels = try PredictionOptions.kernels(threads: selection.threads)
        let cases = try selected(selection)
        var outcome = Outcome()
        for (url, golden) in cases {
            outcome.total += 1
            do {
                if try body(try golden.get(), url, kernels) { outcome.succeeded += 1 } else { outcome.failed += 1 }
            } catch let error as RegressionError {
                outcome.errors += 1
                CommandLineEntry.printError("\(error)")
            } catch {
                outcome.errors += 1
                CommandLineEntry.printError("\(url.path): \(error)")
            }
        }
        return outcome
    }
}
