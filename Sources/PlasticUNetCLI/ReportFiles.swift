import Evaluation
import FileOutput
import Foundation
import ModelRuns

/// The report files `evaluate` and `score` write on request: the JSON report and the
/// per-image table, and any further text files.
enum ReportFiles {
    /// Throws unless the folders of the requested files exist.
    /// - Throws: `FileWriteError` naming the file.
    static func requireFolders(json: String?, perImage: String?) throws {
        for path in [json, perImage].compactMap({ $0 }) { try OutputFolder.requireParent(of: URL(fileURLWithPath: path)) }
    }

    /// The requested files of `report` and their texts.
    static func texts(of report: EvaluationReport, json: String?, perImage: String?) -> [(path: String, text: String)] {
        (json.map { [($0, EvaluationReportJSON.text(of: report))] } ?? [])
            + (perImage.map { [($0, PerImageTable.text(of: report))] } ?? [])
    }

    /// Writes every file, each atomically.
    /// - Throws: `FileWriteError` naming the file.
    static func write(_ files: [(path: String, text: String)]) throws {
        var batch = FileBatch()
        for file in files { try batch.write(file.text, to: URL(fileURLWithPath: file.path)) }
        try batch.finish()
    }

    /// Prints `wrote PATH` for each file.
    static func list(_ files: [(path: String, text: String)]) {
        for file in files { print("wrote \(file.path)") }
    }
}
