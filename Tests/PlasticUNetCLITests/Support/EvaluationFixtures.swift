import Foundation
import XCTest

/// What the tests of `evaluate`, `predict` and `score` share: the package's fixtures, a
/// small model trained by the tool, and the Python check of reports.
enum EvaluationFixtures {
    /// `fixtures/tgs-12-s32`: 12 synthetic 32 x 32 images.
    static let smallData = PackageFiles.url("fixtures/tgs-12-s32")

    /// The report schema.
    static let reportSchema = PackageFiles.url("schemas/evaluation-report-v1.schema.json")

    /// Trains a Hebbian model of width 2 for one epoch on ``smallData`` into `url` (its
    /// stored trace is then not zero).
    static func trainSmallModel(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try ToolRunner.run(["train", "--data", smallData.path, "--width", "2", "--epochs", "1",
                                         "--rule", "hebb", "--threads", "2", "--out", url.path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
    }

    /// The ids of the images of `folder` (their file-name stems), in the order of their UTF-8 bytes.
    static func imageIDs(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
            .map { String($0.dropLast(4)) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Runs `Tests/Python/check_report.py` on a report (and a per-image table) and asserts
    /// that it prints `ok`. Skips when python3 or jsonschema is missing, unless
    /// `PLASTIC_UNET_REQUIRE_TOOLS=1`.
    static func checkReport(_ report: URL, perImage: URL? = nil, in folder: URL,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        try requireExternalTool("python3 with jsonschema",
                                isAvailable: try runExternal("python3", ["-c", "import jsonschema"], in: folder).status == 0,
                                file: file, line: line)
        let script = PackageFiles.url("Tests/Python/check_report.py")
        let check = try runExternal("python3", [script.path, reportSchema.path, report.path] + (perImage.map { [$0.path] } ?? []),
                                    in: folder)
        XCTAssertEqual(check.status, 0, check.output, file: file, line: line)
        XCTAssertEqual(check.output, "ok\n", file: file, line: line)
    }

    /// The JSON object in the file at `url`.
    static func jsonObject(_ url: URL) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }
}

/// One small trained model (``EvaluationFixtures/trainSmallModel(_:file:line:)``) that the
/// evaluation tests of a run share: it is trained on first use and removed when the process exits.
enum SharedTrainedModel {
    nonisolated(unsafe) private static var folder: URL?

    /// The model file, trained on first use.
    /// - Throws: when training fails.
    static func url() throws -> URL {
        if let folder { return folder.appendingPathComponent("model.h5") }
        let made = FileManager.default.temporaryDirectory
            .appendingPathComponent("plastic-unet-shared-model-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        folder = made
        atexit {
            if let folder = SharedTrainedModel.folder { try? FileManager.default.removeItem(at: folder) }
        }
        let url = made.appendingPathComponent("model.h5")
        try EvaluationFixtures.trainSmallModel(url)
        return url
    }
}
