import Foundation
import XCTest

/// Documents checked against a schema of `schemas/` with `Tests/Python/check_json_schema.py`.
enum SchemaCheck {
    /// Asserts that every document of `documents` is valid under `schemas/<schema>`. Skips
    /// when python3 or jsonschema is missing, unless `PLASTIC_UNET_REQUIRE_TOOLS=1`.
    static func check(_ schema: String, _ documents: [URL], in folder: URL,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        try requireExternalTool("python3 with jsonschema",
                                isAvailable: try runExternal("python3", ["-c", "import jsonschema"], in: folder).status == 0,
                                file: file, line: line)
        let check = try runExternal("python3", [PackageFiles.url("Tests/Python/check_json_schema.py").path,
                                                PackageFiles.url("schemas/\(schema)").path] + documents.map(\.path),
                                    in: folder)
        XCTAssertEqual(check.output, "ok\n", schema, file: file, line: line)
    }
}
