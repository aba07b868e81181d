import RandomStreams

extension DataSplit {
    /// Fold `fold` (1...`folds`) of the data's partition into `folds` folds, stratified by
    /// coverage class (docs/DATA.md, "Folds"): the fold's images are the validation side,
    /// the other folds' the training side.
    ///
    /// One stream `RandomStream(seed: seed, name: "folds")`. For c = 0 through 10, the
    /// members of class c (in data-set order) are shuffled with it (Fisher–Yates), and the
    /// j-th of them goes to fold `(start_c + j) mod K + 1`, where `start_c` is the number of
    /// members of the classes before c. Every image is in exactly one fold; the folds' sizes
    /// differ by at most one, and so do their counts of each class.
    /// - Precondition: `folds >= 2` and `1 <= fold <= folds`.
    /// - Complexity: O(n · S²) to classify the masks.
    package static func fold(_ fold: Int, of folds: Int, _ data: DataSet, seed: UInt64) -> DataSplit {
        precondition(folds >= 2 && (1...folds).contains(fold), "fold \(fold) of \(folds)")
        let assignment = foldAssignment(data, folds: folds, seed: seed)
        let ids = data.samples.map(\.id)
        return DataSplit(trainIDs: ids.indices.filter { assignment[$0] != fold }.map { ids[$0] },
                         validationIDs: ids.indices.filter { assignment[$0] == fold }.map { ids[$0] })
    }

    /// The fold (1...`folds`) of each sample of `data`, by position.
    private static func foldAssignment(_ data: DataSet, folds: Int, seed: UInt64) -> [Int] {
        var members = [[Int]](repeating: [], count: CoverageClass.count)
        for (position, sample) in data.samples.enumerated() {
            members[CoverageClass.of(mask: sample.mask)].append(position)
        }
        var stream = RandomStream(seed: seed, name: "folds")
        var assignment = [Int](repeating: 0, count: data.samples.count)
        var dealt = 0
        for coverageClass in members.indices {
            var shuffled = members[coverageClass]
            stream.shuffle(&shuffled)
            for position in shuffled {
                assignment[position] = dealt % folds + 1
                dealt += 1
            }
        }
        return assignment
    }
}
