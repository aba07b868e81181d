import TGSData
import XCTest

final class DataSplitTests: XCTestCase {
    /// A 10 x 10 sample with `salt` tenths of salt (so its class is `salt`).
    private func sample(_ id: String, salt: Int) -> Sample {
        Sample(id: id, image: [Float](repeating: 0, count: 100), mask: (0..<100).map { $0 < salt * 10 ? 1 : 0 }, depth: nil)
    }

    /// Ten samples: five of class 0, three of class 3, two of class 10; fraction 0.3 gives
    /// V = 3 and quotas 1.5, 0.9 and 0.6, so floors 1, 0, 0 with remainders (V n_c mod N)
    /// 5, 9 and 6: the two left over go to classes 3 and 10.
    func testLargestRemaindersByHand() {
        let classes = [0, 3, 0, 10, 3, 0, 0, 3, 10, 0]
        let data = DataSet(size: 10, samples: classes.enumerated().map { sample("s\($0.offset)", salt: $0.element) })
        let split = DataSplit.stratified(data, validationFraction: 0.3, seed: 5)
        let classOf = Dictionary(uniqueKeysWithValues: data.samples.map { ($0.id, CoverageClass.of(mask: $0.mask)) })
        XCTAssertEqual(split.validationIDs.map { classOf[$0]! }.sorted(), [0, 3, 10])
    }

    func testSidesPartitionTheDataInTableOrder() {
        let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 60)
        let split = DataSplit.stratified(data, validationFraction: 0.2, seed: 11)
        XCTAssertEqual(split.validationIDs.count, 12)
        XCTAssertEqual(Set(split.trainIDs + split.validationIDs), Set(data.samples.map(\.id)))
        XCTAssertTrue(Set(split.trainIDs).isDisjoint(with: split.validationIDs))
        let order = Dictionary(uniqueKeysWithValues: data.samples.enumerated().map { ($0.element.id, $0.offset) })
        XCTAssertEqual(split.trainIDs, split.trainIDs.sorted { order[$0]! < order[$1]! })
        XCTAssertEqual(split.validationIDs, split.validationIDs.sorted { order[$0]! < order[$1]! })
        // Each class gets its quota rounded down or up.
        var members = [Int](repeating: 0, count: 11), chosen = [Int](repeating: 0, count: 11)
        for sample in data.samples { members[CoverageClass.of(mask: sample.mask)] += 1 }
        for id in split.validationIDs { chosen[CoverageClass.of(mask: data.sample(id: id)!.mask)] += 1 }
        for c in 0..<11 {
            let quota = 12.0 * Double(members[c]) / 60
            XCTAssertTrue(Double(chosen[c]) >= quota.rounded(.down) && Double(chosen[c]) <= quota.rounded(.up), "class \(c)")
        }
    }

    func testTheSeedAloneFixesTheSplit() {
        let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 60)
        let a = DataSplit.stratified(data, validationFraction: 0.2, seed: 11)
        XCTAssertEqual(DataSplit.stratified(data, validationFraction: 0.2, seed: 11), a)
        XCTAssertNotEqual(DataSplit.stratified(data, validationFraction: 0.2, seed: 12), a)
    }

    func testFractionZeroAndRounding() {
        let data = SyntheticSeismic(size: 16, seed: 3).dataSet(count: 7)
        XCTAssertEqual(DataSplit.stratified(data, validationFraction: 0, seed: 1).validationIDs, [])
        XCTAssertEqual(DataSplit.stratified(data, validationFraction: 0, seed: 1).trainIDs, data.samples.map(\.id))
        // 0.5 * 7 = 3.5 rounds to 4; 0.2 * 7 = 1.4 rounds to 1.
        XCTAssertEqual(DataSplit.stratified(data, validationFraction: 0.5, seed: 1).validationIDs.count, 4)
        XCTAssertEqual(DataSplit.stratified(data, validationFraction: 0.2, seed: 1).validationIDs.count, 1)
    }
}
