import Evaluation
import Foundation

/// The report files `evaluate` and `score` write on request: the JSON report and the
/// per-image table, and any further text files.
enum ReportFiles {
    /// Throws unless the folders of the requested files exist.
    /// - Throws: ``OutputFileError`` naming the file.
    static func requireFolders(json: String?, perImage: String?) throws {
        for path in [json, perImage].compactMap({ $0 }) { try OutputFile.requireFolder(for: path) }
    }

    /// The requested files of `report` and their texts.
    static func texts(of report: EvaluationReport, json: String?, perImage: String?) -> [(path: String, text: String)] {
        (json.map { [($0, EvaluationReportJSON.text(of: report))] } ?? [])
            + (perImage.map { [($0, PerImageTable.text(of: report))] } ?? [])
    }

    /// Writes every file, each atomically.
    /// - Throws: ``OutputFileError`` or `FileReplacementError` naming the file.
    static func write(_ files: [(path: String, text: String)]) throws {
        for file in files { try OutputFile.write(file.text, to: URL(fileURLWithPath: file.path)) }
    }

    /// Prints `wrote PATH` for each file.
    static func list(_ files: [(path: String, text: String)]) {
        for file in files { print("wrote \(file.path)") }
    }
}
