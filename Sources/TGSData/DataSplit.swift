import RandomStreams

/// The ids of a data set divided into a training and a validation side.
package struct DataSplit: Equatable, Sendable {
    /// The training ids, in the order of the data set.
    package let trainIDs: [String]
    /// The validation ids, in the order of the data set.
    package let validationIDs: [String]

    /// A split from its two lists (for example as read back from a model file).
    package init(trainIDs: [String], validationIDs: [String]) {
        self.trainIDs = trainIDs
        self.validationIDs = validationIDs
    }

    /// The split stratified by coverage class (docs/MODEL.md §1).
    ///
    /// Exactly `round(validationFraction * n)` ids (halves away from zero, clamped to
    /// 0...n) go to validation. Class c, with n_c members, receives `floor(V * n_c / n)`
    /// of them; the V minus their sum left over go one each to the classes with the
    /// largest remainders `V * n_c mod n` (equal remainders: the lower class first).
    /// Then, for c = 0 through 10, the members of class c (in data-set order) are shuffled
    /// with the one stream `RandomStream(seed: seed, name: "split")` (Fisher–Yates) and
    /// the first of them make up the class's share.
    /// - Complexity: O(n · S²) to classify the masks.
    package static func stratified(_ data: DataSet, validationFraction: Double, seed: UInt64) -> DataSplit {
        let count = data.samples.count
        guard count > 0 else { return DataSplit(trainIDs: [], validationIDs: []) }
        let scaled = validationFraction.isFinite ? (max(0, validationFraction) * Double(count)).rounded() : 0
        let target = Int(min(scaled, Double(count)))
        var members = [[Int]](repeating: [], count: CoverageClass.count)
        for (position, sample) in data.samples.enumerated() {
            members[CoverageClass.of(mask: sample.mask)].append(position)
        }
        var shares = members.map { target * $0.count / count }
        let remainders = members.map { target * $0.count % count }
        let byRemainder = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for coverageClass in byRemainder.prefix(target - shares.reduce(0, +)) {
            shares[coverageClass] += 1
        }
        var stream = RandomStream(seed: seed, name: "split")
        var isValidation = [Bool](repeating: false, count: count)
        for coverageClass in members.indices {
            var shuffled = members[coverageClass]
            stream.shuffle(&shuffled)
            for position in shuffled.prefix(shares[coverageClass]) { isValidation[position] = true }
        }
        let ids = data.samples.map(\.id)
        return DataSplit(trainIDs: ids.indices.filter { !isValidation[$0] }.map { ids[$0] },
                         validationIDs: ids.indices.filter { isValidation[$0] }.map { ids[$0] })
    }
}
