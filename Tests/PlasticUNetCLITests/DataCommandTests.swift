import Foundation
import XCTest

final class DataCommandTests: XCTestCase {
    func testTheDataGroupListsItsSubcommands() throws {
        let help = try ToolRunner.run(["data", "--help"])
        XCTAssertEqual(help.status, 0)
        for name in ["synth", "stats", "masks", "check"] {
            XCTAssertTrue(help.stdout.contains(name), help.stdout)
        }
    }
}

/// The committed fixture folders and file-tree helpers shared by the `data` command tests.
enum DataFixtures {
    /// `fixtures/NAME` in the package.
    static func folder(_ name: String) -> URL {
        PackageFiles.url("fixtures/\(name)")
    }

    /// A copy of fixture `name` in a new temporary folder.
    static func copy(_ name: String, for testCase: XCTestCase) throws -> URL {
        let target = try makeTemporaryDirectory(for: testCase).appendingPathComponent(name)
        try FileManager.default.copyItem(at: folder(name), to: target)
        return target
    }

    /// Every regular file below `root`, by its path relative to `root`, with its bytes.
    static func files(below root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
