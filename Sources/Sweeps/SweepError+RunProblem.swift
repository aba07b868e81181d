extension SweepError {
    /// What is wrong with a run of a plan: one that the plan would not have written.
    package enum RunProblem: Equatable, Sendable, CustomStringConvertible {
        /// The run is numbered `index`, not by its position.
        case misnumbered(index: Int)
        /// The run's variant is not a variant.
        case unknownVariant(String)
        /// The run's config is not usable; `reason` says why.
        case unusableConfig(reason: String)
        /// The run's config is not that of its variant with its seed (and fold).
        case otherConfig(variant: String, seed: UInt64, fold: Int?)
        /// The config's size is not the data's.
        case otherSize(size: Int, dataSize: Int)
        /// The run's folder is not the one its index, variant and seed make.
        case foreignFolder(String)

        /// What is wrong, as it follows `run N: `.
        package var description: String {
            switch self {
            case .misnumbered(let index): "index \(index): the runs are not numbered 0, 1, 2, ..."
            case .unknownVariant(let variant): "\(variant) is not a variant"
            case .unusableConfig(let reason): reason
            case .otherConfig(let variant, let seed, let fold):
                "its config is not of variant \(variant) with seed \(seed)" + (fold.map { " and fold \($0)" } ?? "")
            case .otherSize(let size, let dataSize): "its config's size \(size) is not the data's \(dataSize)"
            case .foreignFolder(let folder): "its folder \(folder) is not its own"
            }
        }
    }
}
