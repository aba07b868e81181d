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

    /// Calls `body` for each selected case; `body` returns whether the case succeeded.
    /// - Throws: ``Regression/RegressionError`` when the paths hold no case or a `--case`
    ///   names none of them.
    static func run(_ selection: CaseSelection,
                    _ body: (URL, any ConvolutionKernels) throws -> Bool) throws -> Outcome {
        let kernels = try PredictionOptions.kernels(threads: selection.threads)
        var urls = try GoldenCaseFile.cases(at: selection.paths)
        if !selection.case.isEmpty {
            let names = Set(selection.case)
            urls = urls.filter { names.contains((try? GoldenCaseFile.read($0).name) ?? "") }
            guard !urls.isEmpty else {
                throw RegressionError("no case named \(selection.case.joined(separator: ", ")) in "
                                      + selection.paths.joined(separator: ", "))
            }
        }
        var outcome = Outcome()
        for url in urls {
            outcome.total += 1
            do {
                if try body(url, kernels) { outcome.succeeded += 1 } else { outcome.failed += 1 }
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
