import TGSFiles

extension SweepReport {
    /// The header of ``perImageCSV``.
    package static let perImageHeader = ["variant", "seed", "trace", "image", "fold", "score", "coverage_class"]

    /// One row per variant, complete seed, trace mode and validation image, in that order of
    /// nesting (variants in the plan's order, seeds increasing, trace modes stored, zero,
    /// online, images in id order): the image's TGS score at threshold
    /// 0.5 from the model of the fold that held it out (empty `fold` in a sweep without
    /// folds), and the coverage class of its true mask. Seeds whose results do not record
    /// images (version 1) and incomplete seeds have no rows.
    package var perImageCSV: String {
        var records = [Self.perImageHeader]
        var variants: [String] = []
        for row in rows where !variants.contains(row.variant) { variants.append(row.variant) }
        for variant in variants {
            let modes = rows.filter { $0.variant == variant }
            for seed in Set(modes.flatMap(\.seeds.keys)).sorted() {
                for row in modes {
                    for image in row.seeds[seed]?.images ?? [] {
                        records.append([variant, "\(seed)", row.mode.rawValue, image.score.id,
                                        image.fold.map(String.init) ?? "", "\(image.score.score)",
                                        "\(image.score.coverageClass)"])
                    }
                }
            }
        }
        return records.map(CSVTable.record).joined()
    }
}
