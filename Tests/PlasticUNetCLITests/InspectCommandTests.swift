import Foundation
import HDF5Kit
import XCTest

final class InspectCommandTests: XCTestCase {
    func testTheTreeShowsStorageAndAttributes() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("model.h5")
        try ModelFiles.initialise(url)
        let result = try ToolRunner.run(["inspect", url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let w = try XCTUnwrap(lines.first { $0.hasPrefix("/plastic/w ") })
        XCTAssertTrue(w.contains("float32 [32, 32]  chunks [32, 32]  shuffle, deflate(0), fletcher32  4,096 B"), w)
        XCTAssertTrue(lines.contains("    @torch_name = \"w\""))
        XCTAssertTrue(lines.contains("      \"width\" : 2"), result.stdout)
        XCTAssertTrue(lines.contains("    @format_version = 1"))
    }

    func testJSONListsTheSameObjects() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("model.h5")
        try ModelFiles.initialise(url)
        let result = try ToolRunner.run(["inspect", "--json", url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let objects = try XCTUnwrap(report["objects"] as? [[String: Any]])
        let root = try XCTUnwrap(objects.first)
        let attributes = try XCTUnwrap(root["attributes"] as? [String: Any])
        XCTAssertEqual((attributes["config"] as? [String: Any])?["width"] as? Int, 2)
        let w = try XCTUnwrap(objects.first { $0["path"] as? String == "/plastic/w" })
        XCTAssertEqual(w["shape"] as? [Int], [32, 32])
        XCTAssertEqual(w["filters"] as? [String], ["shuffle", "deflate(0)", "fletcher32"])
        // The trainable parameters are the elements of the datasets under /parameters and /plastic.
        let trainable = objects.filter { object in
            let path = object["path"] as? String ?? ""
            return object["kind"] as? String == "dataset" && (path.hasPrefix("/parameters/") || path.hasPrefix("/plastic/"))
        }.reduce(0) { $0 + (($1["shape"] as? [Int])?.reduce(1, *) ?? 0) }
        XCTAssertEqual(report["trainable_parameters"] as? Int, trainable)
    }

    func testAnyHDF5FileCanBeInspectedAndGarbageIsOneLineError() throws {
        let folder = try makeTemporaryDirectory(for: self)
        let other = folder.appendingPathComponent("other.h5")
        let file = try HDF5File.create(at: other)
        try file.root.createDataset("ids", strings: ["a", "bcd"])
        try file.close()
        let result = try ToolRunner.run(["inspect", other.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("/ids  string[3] [2]"), result.stdout)
        let garbage = folder.appendingPathComponent("garbage.h5")
        try Data(repeating: 0x42, count: 3000).write(to: garbage)
        assertOneLineError(try ToolRunner.run(["inspect", garbage.path]), containing: [garbage.path])
    }
}
