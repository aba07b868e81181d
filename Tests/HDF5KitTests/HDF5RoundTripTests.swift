import HDF5Kit
import XCTest

final class HDF5RoundTripTests: XCTestCase {
    private func roundTrip(_ write: (HDF5Group) throws -> Void, read: (HDF5Group) throws -> Void) throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url)
        try write(file.root)
        try file.close()
        let reopened = try HDF5File.open(url)
        try read(reopened.root)
    }

    func testNumbersOfEveryTypeAndRankRoundTrip() throws {
        let floats: [Float] = [0, -0.0, 1.5, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
                               3.25, -7, 1e-3, 42, 0.1, -2.5]
        let doubles: [Double] = [.pi, -.infinity, .leastNonzeroMagnitude, 1e300, 0, -1]
        let integers: [Int64] = [.min, -1, 0, 1, .max, 12345]
        let unsigned: [UInt64] = [0, 1, .max, 1 << 63]
        let bytes: [UInt8] = [0, 1, 127, 128, 254, 255]
        try roundTrip({ root in
            try root.createDataset("f1", shape: [12], values: floats)
            try root.createDataset("f2", shape: [3, 4], values: floats)
            try root.createDataset("f3", shape: [2, 3, 2], values: floats)
            try root.createDataset("f4", shape: [1, 2, 3, 2], values: floats)
            try root.createDataset("d", shape: [2, 3], values: doubles)
            try root.createDataset("i", shape: [6], values: integers)
            try root.createDataset("u", shape: [2, 2], values: unsigned)
            try root.createDataset("b", shape: [3, 1, 2], values: bytes)
        }, read: { root in
            for (name, shape) in [("f1", [12]), ("f2", [3, 4]), ("f3", [2, 3, 2]), ("f4", [1, 2, 3, 2])] {
                let dataset = try root.dataset(name)
                XCTAssertEqual(try dataset.shape(), shape)
                XCTAssertEqual(try dataset.elementType(), .float32)
                XCTAssertEqual(try dataset.read(Float.self).map(\.bitPattern), floats.map(\.bitPattern))
            }
            XCTAssertEqual(try root.dataset("d").read(Double.self), doubles)
            XCTAssertEqual(try root.dataset("d").elementType(), .float64)
            XCTAssertEqual(try root.dataset("i").read(Int64.self), integers)
            XCTAssertEqual(try root.dataset("u").read(UInt64.self), unsigned)
            XCTAssertEqual(try root.dataset("b").read(UInt8.self), bytes)
            XCTAssertEqual(try root.dataset("b").shape(), [3, 1, 2])
        })
    }

    func testEmptyArraysRoundTrip() throws {
        try roundTrip({ root in
            try root.createDataset("empty", shape: [0], values: [Float]())
            try root.createDataset("wide", shape: [3, 0], values: [Double]())
            try root.createDataset("none", strings: [])
        }, read: { root in
            XCTAssertEqual(try root.dataset("empty").read(Float.self), [])
            XCTAssertEqual(try root.dataset("empty").shape(), [0])
            XCTAssertEqual(try root.dataset("wide").shape(), [3, 0])
            XCTAssertEqual(try root.dataset("wide").read(Double.self), [])
            XCTAssertEqual(try root.dataset("none").readStrings(), [])
            XCTAssertEqual(try root.dataset("none").elementType(), .fixedString(byteCount: 1))
        })
    }

    func testStringsRoundTripIncludingNonASCII() throws {
        let strings = ["", "salt", "Salz, sel, 塩, соль", "🧂 emoji", String(repeating: "x", count: 5000)]
        try roundTrip({ root in
            try root.createDataset("ids", strings: strings)
        }, read: { root in
            XCTAssertEqual(try root.dataset("ids").readStrings(), strings)
            XCTAssertEqual(try root.dataset("ids").shape(), [strings.count])
        })
    }

    func testAttributesRoundTripOnGroupsAndDatasets() throws {
        let values: [(String, HDF5AttributeValue)] = [
            ("a_min", .int64(.min)), ("b_max", .uint64(.max)), ("c_double", .float64(-0.666)),
            ("d_text", .string("Größe 101 × 101")), ("e_json", .string(#"{"a":[1,2],"b":"c"}"#)),
            ("f_empty", .string("")),
        ]
        try roundTrip({ root in
            let group = try root.createGroup("g")
            let dataset = try group.createDataset("x", shape: [1], values: [Float(1)])
            for (name, value) in values {
                try root.setAttribute(name, value)
                try group.setAttribute(name, value)
                try dataset.setAttribute(name, value)
            }
            try dataset.setAttribute("c_double", .float64(2))
        }, read: { root in
            let group = try root.group("g")
            let dataset = try root.dataset("g/x")
            XCTAssertEqual(dataset.path, "/g/x")
            for object in [root, group] as [HDF5Object] {
                XCTAssertEqual(try object.attributeNames(), values.map(\.0))
                XCTAssertEqual(try object.attributes().map(\.value), values.map(\.1))
            }
            XCTAssertEqual(try dataset.attribute("c_double"), .float64(2))
            XCTAssertEqual(try dataset.attribute("d_text")?.stringValue, "Größe 101 × 101")
            XCTAssertNil(try dataset.attribute("missing"))
        })
    }

    func testChildrenDescendantsKindsAndLinkRemoval() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("t.h5")
        let file = try HDF5File.create(at: url)
        let b = try file.root.createGroup("b")
        try b.createGroup("inner.group").createDataset("z", shape: [1], values: [UInt8(1)])
        try file.root.createDataset("a", shape: [2], values: [Float(1), 2])
        try file.close()

        let edited = try HDF5File.open(url, mode: .readWrite)
        XCTAssertEqual(try edited.root.children().map(\.name), ["a", "b"])
        XCTAssertEqual(try edited.root.descendants().map(\.path), ["/a", "/b", "/b/inner.group", "/b/inner.group/z"])
        XCTAssertEqual(try edited.root.descendants().map(\.kind), [.dataset, .group, .group, .dataset])
        XCTAssertEqual(try edited.root.kind(at: "b/inner.group/z"), .dataset)
        XCTAssertEqual(try edited.root.kind(at: "b"), .group)
        XCTAssertNil(try edited.root.kind(at: "c/d"))
        XCTAssertNil(try edited.root.kind(at: "b/missing"))
        try edited.root.group("b").removeLink("inner.group")
        try edited.close()
        XCTAssertEqual(try HDF5File.open(url).root.descendants().map(\.path), ["/a", "/b"])
    }

    /// Every type reads back widened: floats as doubles of the same value, integers as
    /// 64-bit integers, strings as strings.
    func testValuesOfEveryTypeReadBackWidened() throws {
        let floats: [Float] = [0.1, -.infinity, .nan, 3]
        try roundTrip({ root in
            try root.createDataset("f", shape: [2, 2], values: floats)
            try root.createDataset("d", shape: [2], values: [Double.pi, -0.0])
            try root.createDataset("i", shape: [2], values: [Int64.min, 5])
            try root.createDataset("u", shape: [1], values: [UInt64.max])
            try root.createDataset("b", shape: [3], values: [UInt8(0), 7, 255])
            try root.createDataset("s", strings: ["ab", "", "cde"])
        }, read: { root in
            guard case .floats(let f)? = try root.dataset("f").readValues() else { return XCTFail("f") }
            XCTAssertEqual(f.count, 4)
            XCTAssertEqual(f[0], Double(Float(0.1)))
            XCTAssertEqual(f[1], -.infinity)
            XCTAssertTrue(f[2].isNaN)
            XCTAssertEqual(try root.dataset("d").readValues(), .floats([.pi, -0.0]))
            XCTAssertEqual(try root.dataset("i").readValues(), .signedIntegers([.min, 5]))
            XCTAssertEqual(try root.dataset("u").readValues(), .unsignedIntegers([.max]))
            XCTAssertEqual(try root.dataset("b").readValues(), .unsignedIntegers([0, 7, 255]))
            XCTAssertEqual(try root.dataset("s").readValues(), .strings(["ab", "", "cde"]))
        })
    }
}
