extension DataSet {
    /// The images, size and seed of the embedded default data set.
    package static let embeddedDefaultRecipe = (count: 120, size: 101, seed: UInt64(4))

    /// The fixture set `fixtures/tgs-120` (120 images of 101 x 101, seed 4), generated in
    /// memory: identical, fingerprint included, to loading that folder.
    package static let embeddedDefault: DataSet = SyntheticSeismic(size: embeddedDefaultRecipe.size,
                                                                  seed: embeddedDefaultRecipe.seed)
        .dataSet(count: embeddedDefaultRecipe.count)

    /// The embedded default in words, for help texts.
    package static let embeddedDefaultDescription = "the embedded set of \(embeddedDefaultRecipe.count) synthetic "
        + "\(embeddedDefaultRecipe.size) x \(embeddedDefaultRecipe.size) images"
}
