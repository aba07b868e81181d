import FileOutput
import Foundation

/// A check's obtained results waiting beside their case (`NAME.obtained.json`, written by a
/// failed check), to be reviewed, accepted or rejected without running the case again.
package struct PendingResult: Sendable {
    /// The obtained file.
    package let obtainedFile: URL
    /// The obtained results, as a case whose results they are.
    package let obtained: GoldenCase
    /// The case file beside it, nil when there is none any more.
    package let caseFile: URL?
    /// The case, nil when there is none any more.
    package let golden: GoldenCase?

    /// The case's name: the case's own, or, without a case, the one the obtained file records.
    package var name: String { golden?.name ?? obtained.name }

    /// The expected results against the obtained ones, under the case's tolerances; nil
    /// without a case.
    package var comparison: CaseComparison? {
        golden.map { RegressionRun.comparison(of: $0, with: obtained.runs) }
    }

    /// Every pending result in the folders of `paths`: a case file's own, every one in a
    /// folder (not in subfolders), in file name order.
    /// - Throws: ``RegressionError`` naming a path that does not exist, or a pending file
    ///   or case that cannot be read.
    package static func find(at paths: [String]) throws -> [PendingResult] {
        try paths.flatMap { path -> [URL] in
            let (url, names) = try GoldenCaseFile.entries(at: path)
            guard let names else {
                let obtained = GoldenCaseFile.obtainedURL(for: url)
                return FileManager.default.fileExists(atPath: obtained.path) ? [obtained] : []
            }
            return names.filter { $0.hasSuffix(GoldenCaseFile.obtainedSuffix) }.sorted()
                .map { url.appendingPathComponent($0) }
        }.map(read)
    }

    /// The pending result in `obtainedFile`, with its case when the case file is there.
    private static func read(_ obtainedFile: URL) throws -> PendingResult {
        let obtained = try GoldenCaseFile.read(obtainedFile)
        let caseFile = GoldenCaseFile.caseURL(for: obtainedFile)
        guard FileManager.default.fileExists(atPath: caseFile.path) else {
            return PendingResult(obtainedFile: obtainedFile, obtained: obtained, caseFile: nil, golden: nil)
        }
        return PendingResult(obtainedFile: obtainedFile, obtained: obtained, caseFile: caseFile,
                             golden: try GoldenCaseFile.read(caseFile))
    }

    /// Makes the obtained results the case's expected ones, with the program that obtained
    /// them, keeping the case's recipe and tolerances, and removes the pending file.
    /// - Returns: the case as written.
    /// - Throws: ``RegressionError`` when there is no case any more, or the obtained file
    ///   belongs to another case (another name, recipe, data fingerprint or model sha256,
    ///   exactness, seeds or margins); the errors of writing.
    package func accept() throws -> GoldenCase {
        guard var golden, let caseFile else {
            throw RegressionError.noCaseForPending(file: obtainedFile.path)
        }
        guard obtained.name == golden.name, obtained.recipe == golden.recipe, obtained.exact == golden.exact,
              obtained.runs.map(\.seed) == golden.runs.map(\.seed), obtained.equivalence == golden.equivalence else {
            throw RegressionError.pendingOfAnotherCase(case: golden.name, file: obtainedFile.path)
        }
        golden.runs = obtained.runs
        golden.generator = obtained.generator
        try AtomicFile.write(GoldenCaseFile.text(of: golden), to: caseFile)
        try FileManager.default.removeItem(at: obtainedFile)
        return golden
    }

    /// Removes the pending file.
    /// - Throws: the error of removing it.
    package func reject() throws {
        try FileManager.default.removeItem(at: obtainedFile)
    }
}
