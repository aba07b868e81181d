import RandomStreams
import TGSData
import XCTest

final class FoldSplitTests: XCTestCase {
    /// A 10 x 10 sample with `salt` tenths of salt (so its class is `salt`).
    private func sample(_ id: String, salt: Int) -> Sample {
        Sample(id: id, image: [Float](repeating: 0, count: 100), mask: (0..<100).map { $0 < salt * 10 ? 1 : 0 }, depth: nil)
    }

    /// Seven samples, four of class 0 and three of class 5, into 3 folds: the dealing runs
    /// on across classes, so class 0 fills folds 1, 2, 3, 1 and class 5 folds 2, 3, 1: the
    /// folds hold 3, 2 and 2 images, with class counts (2, 1), (1, 1) and (1, 1).
    func testTheDealContinuesAcrossClassesByHand() {
        let classes = [0, 5, 0, 0, 5, 0, 5]
        let data = DataSet(size: 10, samples: classes.enumerated().map { sample("s\($0.offset)", salt: $0.element) })
        let folds = (1...3).map { DataSplit.fold($0, of: 3, data, seed: 9) }
        XCTAssertEqual(folds.map(\.validationIDs.count), [3, 2, 2])
        let classOf = Dictionary(uniqueKeysWithValues: data.samples.map { ($0.id, CoverageClass.of(mask: $0.mask)) })
        XCTAssertEqual(folds.map { $0.validationIDs.map { classOf[$0]! }.sorted() }, [[0, 0, 5], [0, 5], [0, 5]])
    }

    /// Every fold of 60 synthetic images into 7: disjoint validation sides that cover every
    /// image once, in table order, each fold's training side the rest; sizes and class
    /// counts within one of each other.
    func testTheFoldsPartitionTheDataStratified() {
        let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 60)
        let folds = (1...7).map { DataSplit.fold($0, of: 7, data, seed: 11) }
        let ids = data.samples.map(\.id)
        XCTAssertEqual(folds.flatMap(\.validationIDs).sorted(), ids.sorted())
        XCTAssertLessThanOrEqual(folds.map(\.validationIDs.count).max()! - folds.map(\.validationIDs.count).min()!, 1)
        for split in folds {
            XCTAssertEqual(split.trainIDs, ids.filter { !split.validationIDs.contains($0) })
            XCTAssertEqual(split.validationIDs, ids.filter { split.validationIDs.contains($0) }, "table order")
        }
        for coverageClass in 0..<CoverageClass.count {
            let counts = folds.map { $0.validationIDs.filter { CoverageClass.of(mask: data.sample(id: $0)!.mask) == coverageClass }.count }
            XCTAssertLessThanOrEqual(counts.max()! - counts.min()!, 1, "class \(coverageClass)")
        }
    }

    /// The partition is docs/DATA.md's, written out here: the members of each class in
    /// table order, shuffled with the one stream `folds`, dealt in turn across classes.
    func testThePartitionIsTheDocumentedDeal() {
        let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 40)
        for seed: UInt64 in [1, 2] {
            var stream = RandomStream(seed: seed, name: "folds")
            var foldOf: [String: Int] = [:]
            var dealt = 0
            for coverageClass in 0..<11 {
                var members = data.samples.filter { CoverageClass.of(mask: $0.mask) == coverageClass }.map(\.id)
                stream.shuffle(&members)
                for id in members {
                    foldOf[id] = dealt % 5 + 1
                    dealt += 1
                }
            }
            for fold in 1...5 {
                XCTAssertEqual(DataSplit.fold(fold, of: 5, data, seed: seed).validationIDs,
                               data.samples.map(\.id).filter { foldOf[$0] == fold }, "seed \(seed), fold \(fold)")
            }
        }
        XCTAssertNotEqual(DataSplit.fold(2, of: 5, data, seed: 1).validationIDs,
                          DataSplit.fold(2, of: 5, data, seed: 2).validationIDs, "the seed chooses the partition")
    }
}
