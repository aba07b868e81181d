import TGSFiles

extension SweepReport {
    /// The header of ``perImageCSV``.
    package static let perImageHeader = ["variant", "seed", "trace", "image", "fold", "score", "coverage_class"]

    /// One row per variant, complete seed, trace mode and validation image (variants in the
    /// plan's order, seeds in increasing order, images in id order): the image's TGS score at threshold
    /// 0.5 from the model of the fold that held it out (empty `fold` in a sweep without
    /// folds), and the coverage class of its true mask. Seeds whose results do not record
    /// images (version 1) and incomplete seeds have no rows.
    package var perImageCSV: String {
        var records = [Self.perImageHeader]
        for row in rows {
            for seed in row.seeds.keys.sorted() {
                for image in row.seeds[seed]?.images ?? [] {
                    records.append([row.variant, "\(seed)", row.mode.rawValue, image.score.id,
                                    image.fold.map(String.init) ?? "", "\(image.score.score)",
                                    "\(image.score.coverageClass)"])
                }
            }
        }
        return records.map(CSVTable.record).joined()
    }
}
