import Foundation
import TGSData

/// The full examination of a data folder that both ``DataSetChecker`` and
/// ``DataSetLoader`` rest on, so that they agree on every problem and its wording.
struct DataFolderScan {
    /// The samples without problems, in `train.csv` order.
    let samples: [Sample]
    /// The data set's side, or nil when no image has a usable size.
    let size: Int?
    /// Every problem: those of `train.csv` rows and of samples in the order of the rows,
    /// then those of `depths.csv`.
    let problems: [DataProblem]

    /// Reads and checks everything in `directory`.
    /// - Throws: ``DataProblem/notADataFolder(path:)`` when the folder has no `train.csv`.
    init(_ directory: URL) throws(DataProblem) {
        let layout = DataFolderLayout(directory)
        try layout.requireDataFolder()
        let table = TrainTable(layout)
        let depths = DepthTable(layout)
        let files = table.entries.map { SampleFiles($0, in: layout) }
        let shapes = files.compactMap { try? $0.image.get() }.map { (width: $0.width, height: $0.height) }
        let size = SquareImageRule.commonSize(of: shapes)
        var located = table.problems
        var samples: [Sample] = []
        for file in files {
            let (sample, problems) = file.assemble(size: size, depth: depths.depths[file.entry.id])
            samples += sample.map { [$0] } ?? []
            located += problems.map { (file.entry.line, $0) }
        }
        let ordered = located.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        self.samples = samples
        self.size = size
        self.problems = ordered.map(\.element.problem) + depths.problems
    }
}
