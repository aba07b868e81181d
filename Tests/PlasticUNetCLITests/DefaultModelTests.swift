import Foundation
import HDF5Kit
import XCTest

/// The default architecture (oja, free alpha, n = 16, S = 101) against the original
/// PyTorch module.
final class DefaultModelTests: XCTestCase {
    /// The state_dict of the original PyTorch UNetpRes for n = 16, S = 101: "key AxBx..." per
    /// line, from fixtures/reference.
    private let originalStateDict = try! String(
        contentsOf: PackageFiles.url("fixtures/reference/torch-state-dict-n16-s101.txt"),
        encoding: .utf8)
        .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)

    /// One init of the default model serves every check (it has 5 million parameters).
    func testTheDefaultModelMatchesTheOriginalNetwork() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("default.h5")
        try ModelFiles.initialise(url, ["--rule", "oja", "--alpha", "free", "--width", "16", "--size", "101"])
        try checkTorchNamesAndShapes(url)
        try checkEveryDatasetIsFiltered(url)
        try checkInspectCountsTheParameters(url)
        try checkFiltersWithH5dump(url)
    }

    private func checkTorchNamesAndShapes(_ url: URL) throws {
        let file = try HDF5File.open(url)
        var found: [String] = []
        for entry in try file.root.descendants()
        where entry.kind == .dataset && (entry.path.hasPrefix("/parameters/") || entry.path.hasPrefix("/plastic/")) {
            let dataset = try file.root.dataset(String(entry.path.dropFirst()))
            let name = try XCTUnwrap(try dataset.attribute("torch_name")?.stringValue, entry.path)
            found.append("\(name) " + (try dataset.shape()).map(String.init).joined(separator: "x"))
        }
        let expected = originalStateDict
        XCTAssertEqual(expected.count, 103)
        XCTAssertEqual(found.sorted(), expected.sorted())
    }

    private func checkEveryDatasetIsFiltered(_ url: URL) throws {
        let file = try HDF5File.open(url)
        let datasets = try file.root.descendants().filter { $0.kind == .dataset }
        XCTAssertEqual(datasets.count, 103 * 3 + 1 + 5)  // parameters, m, v; trace; history
        for entry in datasets {
            let storage = try file.root.dataset(String(entry.path.dropFirst())).storage()
            XCTAssertEqual(storage.layout, .chunked, entry.path)
            XCTAssertEqual(Set(storage.filters.map(\.name)), ["shuffle", "deflate", "fletcher32"], entry.path)
        }
    }

    /// The same check through the HDF5 tools' own reading of the file (h5dump, from
    /// Debian's hdf5-tools).
    private func checkFiltersWithH5dump(_ url: URL) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let h5dump = path.split(separator: ":").map({ "\($0)/h5dump" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        try requireExternalTool("h5dump", isAvailable: h5dump != nil)
        guard let h5dump else { return }
        let result = try runExternal(h5dump, ["-p", "-H", url.path], in: url.deletingLastPathComponent())
        XCTAssertEqual(result.status, 0)
        let text = result.output
        let datasets = text.components(separatedBy: "DATASET \"").count - 1
        XCTAssertEqual(datasets, 315)
        for filter in ["PREPROCESSING SHUFFLE", "COMPRESSION DEFLATE", "CHECKSUM FLETCHER32"] {
            XCTAssertEqual(text.components(separatedBy: filter).count - 1, datasets, filter)
        }
    }

    private func checkInspectCountsTheParameters(_ url: URL) throws {
        let text = try ToolRunner.run(["inspect", url.path])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("trainable parameters (/parameters + /plastic): 5,125,540"), text.stdout)
        let json = try ToolRunner.run(["inspect", "--json", url.path])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["trainable_parameters"] as? Int, 5_125_540)
    }
}
