/// The lines `regress review` prints for one pending result: `pending NAME: K of N fields
/// moved` with the table of the worst, or, without a case, that it has none.
package enum PendingReviewText {
    /// The lines of `review`.
    package static func lines(of pending: PendingResult) -> [String] {
        guard let comparison = pending.comparison, let caseFile = pending.caseFile else {
            return ["pending \(pending.name) in \(pending.obtainedFile.path): no case beside it any more "
                    + "(reject removes it)"]
        }
        var lines = ["pending \(pending.name) in \(pending.obtainedFile.path) for \(caseFile.path): "
                     + "\(comparison.failureCount) of \(comparison.fieldCount) fields moved"
                     + (pending.obtained.generator == pending.golden?.generator ? ""
                        : " (obtained by \(pending.obtained.generator))")]
        lines += CaseCheckText.table(comparison.failures) + CaseCheckText.equivalenceLines(comparison.equivalences)
        return lines
    }
}
